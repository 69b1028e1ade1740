package org.opsbook.serverconfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real nginx or Apache against a generated vhost inside a wrapper configuration of our
 * own, with every path (pid, logs, temp files) in a temporary folder; never the host's config.
 */
final class WebServerHarness implements AutoCloseable {
  static final Path NGINX = Path.of("/usr/sbin/nginx");
  static final Path APACHE = Path.of("/usr/sbin/apache2");
  static final Path APACHE_MODULES = Path.of("/usr/lib/apache2/modules");

  private final Process process;
  final Path log;

  private WebServerHarness(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  record Check(int status, String output) {}

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  // ---- nginx ----

  static Path nginxWrapper(Path dir, String vhost) throws IOException {
    Files.writeString(dir.resolve("site.conf"), vhost);
    String conf = String.join("\n",
        isRoot() ? "user root;" : "",
        "worker_processes 1;",
        "pid " + dir.resolve("nginx.pid") + ";",
        "error_log " + dir.resolve("error.log") + " warn;",
        "events { worker_connections 64; }",
        "http {",
        "    include /etc/nginx/mime.types;",
        "    default_type application/octet-stream;",
        "    access_log off;",
        "    client_body_temp_path " + dir.resolve("tmp-body") + ";",
        "    proxy_temp_path " + dir.resolve("tmp-proxy") + ";",
        "    fastcgi_temp_path " + dir.resolve("tmp-fastcgi") + ";",
        "    uwsgi_temp_path " + dir.resolve("tmp-uwsgi") + ";",
        "    scgi_temp_path " + dir.resolve("tmp-scgi") + ";",
        "    include " + dir.resolve("site.conf") + ";",
        "}",
        "");
    Path file = dir.resolve("nginx.conf");
    Files.writeString(file, conf);
    return file;
  }

  static List<String> nginx(Path dir, String... args) {
    List<String> c = new ArrayList<>(List.of(NGINX.toString(), "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
        "-c", dir.resolve("nginx.conf").toString()));
    c.addAll(List.of(args));
    return c;
  }

  // ---- Apache ----

  static Path apacheWrapper(Path dir, String vhost, String listen, boolean tls) throws IOException {
    Files.writeString(dir.resolve("site.conf"), vhost);
    List<String> lines = new ArrayList<>(List.of(
        "ServerRoot " + dir,
        "DefaultRuntimeDir " + dir,
        "PidFile " + dir.resolve("httpd.pid"),
        "Mutex file:" + dir + " default",
        "ErrorLog " + dir.resolve("error.log"),
        "LogLevel warn",
        "ServerName localhost",
        "Listen " + listen + (tls ? " https" : "")));
    if (isRoot()) {
      // httpd refuses to serve as root; its children run as nobody.
      lines.add("User nobody");
      lines.add("Group nogroup");
    }
    List<String> modules = new ArrayList<>(List.of("mpm_event", "authz_core", "dir", "mime", "headers", "rewrite", "alias"));
    if (tls) {
      modules.addAll(List.of("socache_shmcb", "ssl"));
    }
    for (String m : modules) {
      lines.add("LoadModule " + m + "_module " + APACHE_MODULES.resolve("mod_" + m + ".so"));
    }
    lines.add("TypesConfig /etc/mime.types");
    lines.add("Include " + dir.resolve("site.conf"));
    lines.add("");
    Path file = dir.resolve("httpd.conf");
    Files.writeString(file, String.join("\n", lines));
    return file;
  }

  static List<String> apache(Path dir, String... args) {
    List<String> c = new ArrayList<>(List.of(APACHE.toString(), "-d", dir.toString(), "-f", dir.resolve("httpd.conf").toString()));
    c.addAll(List.of(args));
    return c;
  }

  // ---- running ----

  /** Runs a program to the end; a program that is not installed is a failed check, not an exception. */
  static Check run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Check(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Check(-1, "timed out: " + out);
    }
    return new Check(p.exitValue(), out);
  }

  /** Starts a server in the foreground and waits until it accepts connections on {@code port}. */
  static WebServerHarness start(List<String> command, Path dir, int port) throws IOException, InterruptedException {
    Path log = dir.resolve("foreground.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException("server exited with " + p.exitValue() + ": " + Files.readString(log) + errorLog(dir));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new WebServerHarness(p, log);
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    p.destroyForcibly();
    throw new IOException("server did not listen on 127.0.0.1:" + port + errorLog(dir));
  }

  private static String errorLog(Path dir) throws IOException {
    Path e = dir.resolve("error.log");
    return Files.exists(e) ? "\n" + Files.readString(e) : "";
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }

  /** A self-signed certificate for 127.0.0.1 made with openssl, as cert.pem and key.pem in {@code dir}. */
  static Check selfSignedCertificate(Path dir) throws IOException, InterruptedException {
    return run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString()));
  }

  @Override
  public void close() {
    // SIGTERM: nginx and httpd both stop their workers and exit on it.
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
