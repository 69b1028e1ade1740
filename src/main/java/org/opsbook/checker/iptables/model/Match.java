package org.opsbook.checker.iptables.model;

import java.util.List;
import java.util.Optional;

/**
 * A match module with the options given to it: {@code -m conntrack --ctstate NEW}. Protocol
 * matches loaded implicitly by {@code -p tcp} have {@code implicit} set.
 *
 * @param opaque whether opsbook does not model the module ({@code -m time}, or a {@code $MODULE}):
 *     its options are kept as written, and which packets it matches is unknown
 */
public record Match(String module, List<OptionValue> options, boolean implicit, Word at, boolean opaque) {
  public Match {
    options = List.copyOf(options);
  }

  public Optional<OptionValue> option(String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst();
  }
}
