package org.opsbook.maintenance.servers;

import java.util.List;

/** The four generators, in the order their files are written and documented. */
public final class ServerConfigs {
  public static final List<ServerConfig> ALL =
      List.of(new NginxConfig(), new ApacheConfig(), new VarnishConfig(), new HaproxyConfig());

  private ServerConfigs() {}
}
