package org.opsbook.checker.apache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opsbook.checker.apache.catalogue.DirectiveCatalogue;
import org.opsbook.checker.apache.catalogue.ModuleSet;

/**
 * Debian's apache2 as a test oracle: {@code apache2 -t -f WRAPPER} on snippets placed as opsbook
 * places them (a wrapper mirroring Debian's apache2.conf with the module set loaded, every path
 * httpd writes pointed into a scratch folder {@code ob-apache-*}), and a server on 127.0.0.1 for
 * request cases. Paths under {@code /srv/} and {@code /etc/ssl/example/} in snippets are moved
 * into the scratch folder for httpd only (same line numbers), created as folders, or as throwaway
 * certificates and keys when they end in .pem, .crt or .key. Not thread-safe.
 */
final class RealApache implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/apache2");
  static final Path MODULES = Path.of("/usr/lib/apache2/modules");
  private static final Pattern SYNTAX_ERROR = Pattern.compile("Syntax error on line (\\d+) of ([^:\\s]+):");
  private static final List<String> FIRST = List.of("mpm_event", "mpm_prefork", "mpm_worker", "proxy", "session", "cache",
      "dav", "ldap", "socache_shmcb", "authn_core", "authz_core");

  private final Path dir;
  private final Path fs;
  private int counter;

  private RealApache(Path dir) {
    this.dir = dir;
    this.fs = dir.resolve("fs");
  }

  /** A scratch folder and the binary, or empty when apache2 is not installed. */
  static Optional<RealApache> create() {
    if (!Files.isExecutable(BINARY) || !Files.isDirectory(MODULES)) {
      return Optional.empty();
    }
    try {
      Path dir = Files.createTempDirectory("ob-apache-");
      // httpd's children run as www-data and must read the relocated files.
      Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      for (String d : List.of("run", "lock", "log", "fs", "snippets")) {
        Files.createDirectories(dir.resolve(d));
      }
      RealApache a = new RealApache(dir);
      a.certificate();
      return Optional.of(a);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path dir() {
    return dir;
  }

  /** What httpd said about a configuration. */
  record Verdict(boolean accepted, String file, int line, String message, String output) {}

  /** One snippet as the oracle reads it. */
  record Snippet(String name, String text, String context, ModuleSet modules) {}

  /** Checks several snippets in one run: accepted only if all of them are. */
  Verdict check(List<Snippet> snippets) {
    ModuleSet modules = snippets.get(0).modules();
    StringBuilder includes = new StringBuilder();
    Map<String, String> files = new TreeMap<>();
    for (Snippet s : snippets) {
      Path file = dir.resolve("snippets").resolve((++counter) + "-" + s.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".conf");
      write(file, relocate(s.text()));
      files.put(file.toString(), s.name());
      includes.append(wrap(s.context(), file));
    }
    Path wrapper = dir.resolve("wrapper-" + counter + ".conf");
    write(wrapper, wrapper(modules, includes.toString()));
    Run run = run(List.of(BINARY.toString(), "-t", "-f", wrapper.toString()), 30);
    if (run.code == 0) {
      return new Verdict(true, null, 0, "", run.output);
    }
    Matcher m = SYNTAX_ERROR.matcher(run.output);
    String file = null;
    int line = 0;
    int messageStart = 0;
    while (m.find()) {
      if (files.containsKey(m.group(2))) {
        file = files.get(m.group(2));
        line = Integer.parseInt(m.group(1));
        messageStart = m.end();
      }
    }
    String message = run.output.substring(messageStart).strip();
    int nl = message.indexOf('\n');
    return new Verdict(false, file, line, (nl < 0 ? message : message.substring(0, nl)).replace(dir.toString(), "SCRATCH"),
        run.output.replace(dir.toString(), "SCRATCH"));
  }

  /** A running server: the process and its port. */
  record Running(Process process, int port) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Starts httpd in the foreground on 127.0.0.1 with the snippets (each a whole {@code
   * <VirtualHost *:80>}, moved to the chosen port), on a random port from 20000 to 60000,
   * retried on conflict. The caller closes it.
   */
  Running start(List<Snippet> snippets) {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = 20000 + random.nextInt(40000);
      StringBuilder includes = new StringBuilder();
      for (Snippet s : snippets) {
        Path file = dir.resolve("snippets").resolve((++counter) + "-" + s.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".conf");
        write(file, relocate(s.text()).replace("<VirtualHost *:80>", "<VirtualHost 127.0.0.1:" + port + ">"));
        includes.append("Include ").append(file).append("\n");
      }
      String config = wrapper(snippets.get(0).modules(), includes.toString())
          .replace("Listen 80\n", "Listen 127.0.0.1:" + port + "\n").replace("\tListen 443\n", "")
          .replace("PidFile ${APACHE_PID_FILE}", "PidFile " + dir.resolve("run/live-" + port + ".pid"));
      Path wrapper = dir.resolve("live-" + port + ".conf");
      write(wrapper, config);
      ProcessBuilder pb = new ProcessBuilder(BINARY.toString(), "-f", wrapper.toString(), "-DFOREGROUND")
          .redirectErrorStream(true).redirectOutput(dir.resolve("log/live-" + port + ".out").toFile());
      environment(pb.environment());
      try {
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && p.isAlive()) {
          try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return new Running(p, port);
          } catch (IOException notYet) {
            Thread.sleep(50);
          }
        }
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("apache2 did not start: " + read(dir.resolve("log")));
  }

  private static String read(Path logs) {
    try (Stream<Path> files = Files.list(logs)) {
      StringBuilder out = new StringBuilder();
      for (Path f : files.sorted().toList()) {
        out.append(f.getFileName()).append(":\n").append(Files.readString(f, StandardCharsets.UTF_8));
      }
      return out.toString();
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Creates a file httpd can read whose content is its path as the snippet names it. */
  void createFile(String path) {
    Path target = onDisk(path);
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(target, path + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path httpd sees for a path of the snippet (moved into the scratch folder when relocated). */
  Path onDisk(String path) {
    return path.startsWith("/srv/") || path.startsWith("/etc/ssl/example/") ? fs.resolve(path.substring(1)) : Path.of(path);
  }

  private static String wrap(String context, Path file) {
    return switch (context) {
      case "virtualhost" -> "<VirtualHost *:80>\nInclude " + file + "\n</VirtualHost>\n";
      case "directory" -> "<Directory \"/var/www/html\">\nInclude " + file + "\n</Directory>\n";
      default -> "Include " + file + "\n";
    };
  }

  /** Debian's apache2.conf and ports.conf, with the module set and scratch paths. */
  private String wrapper(ModuleSet modules, String includes) {
    StringBuilder w = new StringBuilder();
    w.append("ServerRoot /etc/apache2\n");
    w.append("DefaultRuntimeDir ${APACHE_RUN_DIR}\nPidFile ${APACHE_PID_FILE}\nMutex file:${APACHE_LOCK_DIR} default\n");
    w.append("Timeout 300\nKeepAlive On\nMaxKeepAliveRequests 100\nKeepAliveTimeout 5\n");
    w.append("User ${APACHE_RUN_USER}\nGroup ${APACHE_RUN_GROUP}\nHostnameLookups Off\n");
    w.append("ErrorLog ${APACHE_LOG_DIR}/error.log\nLogLevel warn\n");
    for (String m : loadOrder(modules)) {
      w.append("LoadModule ").append(m).append("_module ").append(MODULES).append("/mod_").append(m).append(".so\n");
    }
    for (String m : loadOrder(modules)) {
      Path conf = Path.of("/etc/apache2/mods-available/" + m + ".conf");
      if (Files.exists(conf)) {
        w.append("Include ").append(conf).append("\n");
      }
    }
    w.append("Listen 80\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n");
    w.append("<Directory />\n\tOptions FollowSymLinks\n\tAllowOverride None\n\tRequire all denied\n</Directory>\n");
    w.append("<Directory /usr/share>\n\tAllowOverride None\n\tRequire all granted\n</Directory>\n");
    w.append("<Directory /var/www/>\n\tOptions Indexes FollowSymLinks\n\tAllowOverride None\n\tRequire all granted\n</Directory>\n");
    w.append("AccessFileName .htaccess\n<FilesMatch \"^\\.ht\">\n\tRequire all denied\n</FilesMatch>\n");
    w.append("LogFormat \"%h %l %u %t \\\"%r\\\" %>s %O \\\"%{Referer}i\\\" \\\"%{User-Agent}i\\\"\" combined\n");
    w.append("LogFormat \"%h %l %u %t \\\"%r\\\" %>s %O\" common\n");
    w.append(includes);
    return w.toString();
  }

  /** Modules others depend on first (an undefined symbol otherwise), then the rest by name. */
  static List<String> loadOrder(ModuleSet modules) {
    List<String> out = new ArrayList<>();
    for (String m : FIRST) {
      if (modules.has(m)) {
        out.add(m);
      }
    }
    for (String m : modules.names()) {
      boolean shared = DirectiveCatalogue.module(m).map(i -> !i.compiledIn()).orElse(false);
      if (shared && !out.contains(m)) {
        out.add(m);
      }
    }
    return out;
  }

  /** Moves the snippet's /srv and /etc/ssl/example paths into the scratch folder, creating them. */
  String relocate(String text) {
    Matcher m = Pattern.compile("(/srv/|/etc/ssl/example/)[^\\s\"'>]*").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String path = m.group();
      Path target = fs.resolve(path.substring(1));
      try {
        if (Files.exists(target)) {
          // Already made (a file a request case says exists).
        } else if (path.matches(".*\\.(pem|crt|key)")) {
          Files.createDirectories(target.getParent());
          Files.copy(dir.resolve(path.endsWith(".key") ? "key.pem" : "cert.pem"), target,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else if (!path.matches(".*\\.[a-z]{2,4}") || path.endsWith("/")) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          if (!Files.exists(target)) {
            Files.writeString(target, path + "\n");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(target + (path.endsWith("/") ? "/" : "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private void certificate() {
    Run r = run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
        "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString()), 60);
    if (r.code != 0) {
      throw new IllegalStateException("openssl failed: " + r.output);
    }
  }

  record Run(int code, String output) {}

  Run run(List<String> command, int seconds) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    environment(pb.environment());
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Run(-1, "timeout");
      }
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Debian's envvars, pointed into the scratch folder; nothing else from the test's environment. */
  private void environment(Map<String, String> env) {
    env.clear();
    env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("APACHE_RUN_USER", "www-data");
    env.put("APACHE_RUN_GROUP", "www-data");
    env.put("APACHE_PID_FILE", dir.resolve("run/apache2.pid").toString());
    env.put("APACHE_RUN_DIR", dir.resolve("run").toString());
    env.put("APACHE_LOCK_DIR", dir.resolve("lock").toString());
    env.put("APACHE_LOG_DIR", dir.resolve("log").toString());
    env.put("LANG", "C");
  }

  private static void write(Path p, String text) {
    try {
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (Boolean.getBoolean("ob.apache.keep")) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
