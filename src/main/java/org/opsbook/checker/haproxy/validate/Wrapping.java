package org.opsbook.checker.haproxy.validate;

import java.util.List;
import org.opsbook.checker.haproxy.model.Section;
import org.opsbook.checker.haproxy.model.SectionKind;

/**
 * Where a snippet stands. A snippet without a {@code defaults} section of its own (a pasted
 * frontend, backend or listen, with or without a global section) is read as if it followed the
 * global and defaults sections of Debian 12's packaged haproxy.cfg, reduced to what {@code haproxy
 * -c} needs to read such a paste without a warning: a log target, HTTP mode and the three
 * timeouts. A snippet with a {@code defaults} section is a whole haproxy.cfg and is read alone
 * (HAProxy starts every defaults section afresh anyway).
 */
public final class Wrapping {
  /** The wrapper, exactly as the README shows it and the oracle tests run it. */
  public static final String WRAPPER = """
      global
          log /dev/log local0

      defaults
          log global
          mode http
          timeout connect 5s
          timeout client 30s
          timeout server 30s
      """;

  private Wrapping() {}

  public static boolean needsWrapper(List<Section> sections) {
    return sections.stream().noneMatch(s -> s.kind() == SectionKind.DEFAULTS);
  }
}
