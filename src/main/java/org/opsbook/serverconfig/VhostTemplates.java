package org.opsbook.serverconfig;

import java.util.List;
import java.util.Optional;

/** The web servers {@code opsbook server-config} writes for. */
public final class VhostTemplates {
  private static final List<VhostTemplate> ALL = List.of(new NginxVhost(), new ApacheVhost());

  private VhostTemplates() {}

  public static Optional<VhostTemplate> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(VhostTemplate::name).toList();
  }
}
