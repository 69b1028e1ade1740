package org.opsbook.maintenance.page;

import java.util.List;
import java.util.Objects;

/**
 * What the generated server configuration needs besides the page: where the real application
 * listens, where the page and the flag file live on the server, and which requests pass through.
 * Every value here has been validated against the characters that would break out of a quoted
 * config value, because it is written into four different config languages.
 *
 * @param upstreamHost the application's host or address
 * @param upstreamPort the application's port
 * @param listenPort the port the generated server block listens on
 * @param serverName the virtual host name, or {@code _} for any
 * @param installDir the directory on the server that holds {@code index.html}
 * @param flagFile maintenance is on while this file exists (nginx, Apache)
 * @param healthPath a path that always reaches the application, for load-balancer checks
 * @param passPaths path prefixes that always reach the application, such as {@code /api/}
 * @param htmlOnly when true, only requests that accept {@code text/html} get the page; others pass
 * @param cookieSecure whether the bypass cookie is marked {@code Secure} (HTTPS only)
 */
public record ServerSettings(
    String upstreamHost,
    int upstreamPort,
    int listenPort,
    String serverName,
    String installDir,
    String flagFile,
    String healthPath,
    List<String> passPaths,
    boolean htmlOnly,
    boolean cookieSecure) {

  public ServerSettings {
    Objects.requireNonNull(upstreamHost, "upstreamHost");
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(installDir, "installDir");
    Objects.requireNonNull(flagFile, "flagFile");
    Objects.requireNonNull(healthPath, "healthPath");
    passPaths = List.copyOf(passPaths);
  }

  /** The defaults for a page called {@code name}. */
  public static ServerSettings defaults(String name) {
    return new ServerSettings(
        "127.0.0.1", 8080, 80, "_", "/var/www/maintenance/" + name, "/var/www/maintenance/" + name + ".on",
        "/healthz", List.of(), false, true);
  }

  public String upstream() {
    return (upstreamHost.contains(":") ? "[" + upstreamHost + "]" : upstreamHost) + ":" + upstreamPort;
  }

  /** The page file on the server. */
  public String pageFile() {
    return installDir + "/index.html";
  }

  public ServerSettings withUpstream(String host, int port) {
    return new ServerSettings(host, port, listenPort, serverName, installDir, flagFile, healthPath, passPaths, htmlOnly, cookieSecure);
  }

  public ServerSettings withListenPort(int port) {
    return new ServerSettings(upstreamHost, upstreamPort, port, serverName, installDir, flagFile, healthPath, passPaths, htmlOnly, cookieSecure);
  }

  public ServerSettings withPaths(String newInstallDir, String newFlagFile) {
    return new ServerSettings(upstreamHost, upstreamPort, listenPort, serverName, newInstallDir, newFlagFile, healthPath, passPaths, htmlOnly, cookieSecure);
  }
}
