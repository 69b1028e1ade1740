package org.opsbook.maintenance.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.maintenance.page.MaintenancePage;
import org.opsbook.maintenance.page.ServerSettings;
import org.opsbook.maintenance.servers.HaproxyConfig;

/**
 * A page "installed" into a temporary folder as an admin would on a server: its server settings
 * point at the folder (page, flag file, HAProxy switch map) and at loopback ports.
 */
public final class Installed {
  private Installed() {}

  /** The page with install_dir and flag_file moved under {@code dir}. */
  public static MaintenancePage relocate(MaintenancePage page, Path dir, int listenPort, int upstreamPort) {
    ServerSettings server = page.server()
        .withPaths(dir.resolve("www").toString(), dir.resolve("maintenance.on").toString())
        .withListenPort(listenPort)
        .withUpstream("127.0.0.1", upstreamPort);
    return page.withServer(server);
  }

  /**
   * Writes the built files: the page into www/, the configs into dir, the HAProxy switch map. The
   * folders are made world-readable, as on a server: varnishd and the nginx/Apache workers read
   * them after dropping root privileges.
   */
  public static void write(MaintenanceResult result, MaintenancePage page, Path dir, boolean maintenanceOn) throws IOException {
    Path www = Path.of(page.server().installDir());
    Files.createDirectories(www);
    for (Path folder : new Path[] {dir, www}) {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
      Path target = file.getKey().equals("index.html") ? www.resolve("index.html") : dir.resolve(file.getKey());
      Files.write(target, file.getValue());
    }
    Files.writeString(Path.of(HaproxyConfig.switchMap(page.server())),
        "maintenance " + (maintenanceOn ? "on" : "off") + "\n", StandardCharsets.UTF_8);
    if (maintenanceOn) {
      Files.writeString(Path.of(page.server().flagFile()), "", StandardCharsets.UTF_8);
    }
  }
}
