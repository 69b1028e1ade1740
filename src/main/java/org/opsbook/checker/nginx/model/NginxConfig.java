package org.opsbook.checker.nginx.model;

import java.util.List;
import java.util.Objects;

/**
 * A snippet read as nginx reads it: its directives with every include expanded in place, and
 * where they stand. Immutable.
 *
 * @param directives the top-level directives, at the level {@code wrap} names
 * @param wrap where the snippet's top level stands
 * @param complete whether the text was read to its end without a syntax error
 */
public record NginxConfig(List<Directive> directives, Wrap wrap, boolean complete) {
  public NginxConfig {
    directives = List.copyOf(directives);
    Objects.requireNonNull(wrap, "wrap");
  }
}
