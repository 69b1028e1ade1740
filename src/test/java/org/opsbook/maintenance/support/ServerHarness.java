package org.opsbook.maintenance.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The minimal main configurations a test wraps a generated file in, standing in for the
 * distribution's own: a server's main config with only the modules the generated file needs.
 */
public final class ServerHarness {
  private ServerHarness() {}

  /** nginx: a main config whose http block includes the generated file. Everything stays in {@code dir}. */
  public static Path nginxMain(Path dir, Path site) throws IOException {
    String temp = dir.resolve("nginx-temp").toString();
    Files.createDirectories(Path.of(temp));
    String config = "daemon off;\n"
        + "master_process off;\n"
        + "worker_processes 1;\n"
        + "pid " + dir.resolve("nginx.pid") + ";\n"
        + "error_log " + dir.resolve("nginx-error.log") + " info;\n"
        + "events { worker_connections 64; }\n"
        + "http {\n"
        + "    access_log off;\n"
        + "    client_body_temp_path " + temp + ";\n"
        + "    proxy_temp_path " + temp + ";\n"
        + "    fastcgi_temp_path " + temp + ";\n"
        + "    uwsgi_temp_path " + temp + ";\n"
        + "    scgi_temp_path " + temp + ";\n"
        + "    include " + site + ";\n"
        + "}\n";
    Path main = dir.resolve("nginx-main.conf");
    Files.writeString(main, config, StandardCharsets.UTF_8);
    return main;
  }

  /**
   * Apache httpd: a main config that loads the modules the generated file names in its header,
   * listens where the virtual host does, and includes the file.
   */
  public static Path apacheMain(Path dir, Path site, int port) throws IOException {
    String modules = "/usr/lib/apache2/modules";
    Files.createDirectories(dir.resolve("apache-logs"));
    StringBuilder config = new StringBuilder();
    config.append("ServerRoot ").append(dir).append("\n");
    config.append("PidFile ").append(dir.resolve("apache.pid")).append("\n");
    config.append("ErrorLog ").append(dir.resolve("apache-logs/error.log")).append("\n");
    config.append("Listen 127.0.0.1:").append(port).append("\n");
    config.append("ServerName localhost\n");
    config.append("Mutex file:").append(dir).append(" default\n");
    config.append("LoadModule mpm_event_module ").append(modules).append("/mod_mpm_event.so\n");
    for (String module : new String[] {"authz_core", "alias", "mime", "headers", "rewrite", "proxy", "proxy_http"}) {
      config.append("LoadModule ").append(module).append("_module ").append(modules).append("/mod_").append(module).append(".so\n");
    }
    config.append("TypesConfig /dev/null\n");
    config.append("Include ").append(site).append("\n");
    Path main = dir.resolve("apache-main.conf");
    Files.writeString(main, config.toString(), StandardCharsets.UTF_8);
    return main;
  }

  /** HAProxy: the defaults section a real installation has (mode and timeouts), then the generated file. */
  public static Path haproxyWithDefaults(Path dir, Path generated) throws IOException {
    String defaults = "defaults\n"
        + "    mode http\n"
        + "    timeout connect 5s\n"
        + "    timeout client 30s\n"
        + "    timeout server 30s\n\n";
    Path combined = dir.resolve("haproxy-with-defaults.cfg");
    Files.writeString(combined, defaults + Files.readString(generated, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    return combined;
  }
}
