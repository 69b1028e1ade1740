package org.opsbook.checker.nginx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opsbook.checker.nginx.model.Wrap;

/**
 * Runs Debian's nginx as an oracle without touching the host: every run happens in a private
 * mount and network namespace ({@code unshare -m -n}) where /etc/nginx, /run, /var/log/nginx and
 * /var/lib/nginx are fresh tmpfs mounts (the first holding a copy of the host's /etc/nginx), with
 * a throwaway certificate at /etc/nginx/ssl/{cert,key}.pem. Temporary folders are named
 * {@code ob-nginx-*} and deleted afterwards.
 */
final class RealNginx {
  static final Path NGINX = Path.of("/usr/sbin/nginx");
  static final String SNIPPET = "/etc/nginx/ob-snippet.conf";

  private RealNginx() {}

  static boolean available() {
    return Files.isExecutable(NGINX) && "root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/bin/openssl"));
  }

  /** What nginx -t said: its exit status and its first [emerg], with the file and line it names. */
  record Verdict(int status, String message, String file, int line, String output) {
    boolean accepted() {
      return status == 0;
    }
  }

  /** The wrapper nginx.conf that reads the snippet where the checker says it stands. */
  static String wrapper(Wrap wrap) {
    String include = "include " + SNIPPET + ";";
    return switch (wrap) {
      case MAIN -> null;
      case HTTP -> "events { }\nhttp {\n" + include + "\n}\n";
      case SERVER -> "events { }\nhttp {\nserver {\n" + include + "\n}\n}\n";
      case LOCATION -> "events { }\nhttp {\nserver {\nlocation / {\n" + include + "\n}\n}\n}\n";
    };
  }

  /** Runs nginx -t once per case, all in one namespace, and returns the verdicts by case name. */
  static Map<String, Verdict> test(List<OracleCase> cases) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("ob-nginx-");
    try {
      certificate(dir);
      List<String> texts = new java.util.ArrayList<>();
      for (OracleCase c : cases) {
        texts.add(c.text());
        texts.addAll(c.files().values());
      }
      StringBuilder script = new StringBuilder(setup(dir, texts));
      for (OracleCase c : cases) {
        Path cd = Files.createDirectories(dir.resolve("cases").resolve(c.name()));
        Path etc = Files.createDirectories(cd.resolve("etc"));
        Wrap wrap = c.wrap();
        if (wrap == Wrap.MAIN) {
          Files.writeString(etc.resolve("nginx.conf"), c.text(), StandardCharsets.UTF_8);
        } else {
          Files.writeString(etc.resolve("nginx.conf"), wrapper(wrap), StandardCharsets.UTF_8);
          Files.writeString(etc.resolve("ob-snippet.conf"), c.text(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> f : c.files().entrySet()) {
          if (!f.getKey().startsWith("/etc/nginx/")) {
            throw new IllegalArgumentException(c.name() + ": included files live under /etc/nginx: " + f.getKey());
          }
          Path target = etc.resolve(f.getKey().substring("/etc/nginx/".length()));
          Files.createDirectories(target.getParent());
          Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
        script.append("reset; cp -a '").append(etc).append("/.' /etc/nginx/\n");
        script.append("timeout 10 nginx -t > '").append(cd.resolve("out")).append("' 2>&1; echo $? > '")
            .append(cd.resolve("rc")).append("'\n");
      }
      run(dir, script.toString());
      Map<String, Verdict> out = new TreeMap<>();
      for (OracleCase c : cases) {
        Path cd = dir.resolve("cases").resolve(c.name());
        out.put(c.name(), verdict(cd));
      }
      return out;
    } finally {
      delete(dir);
    }
  }

  private static final Pattern CERTIFICATE = Pattern.compile("ssl_certificate(_key)?\\s+(/[^;\\s$]+)\\s*;");

  /**
   * The shell lines that make the namespace's private mounts: /etc becomes a copy-on-write overlay
   * (so certificate paths such as /etc/letsencrypt/live/... can be created without touching the
   * host), and every certificate or key path that {@code texts} name gets the throwaway pair.
   */
  static String setup(Path dir, List<String> texts) throws IOException {
    Files.createDirectories(dir.resolve("etc-upper"));
    Files.createDirectories(dir.resolve("etc-work"));
    StringBuilder certs = new StringBuilder();
    java.util.Set<String> placed = new java.util.TreeSet<>();
    for (String text : texts) {
      Matcher m = CERTIFICATE.matcher(text);
      while (m.find()) {
        String path = m.group(2);
        if (!path.startsWith("/etc/") || path.contains("'") || !placed.add(path)) {
          continue;
        }
        certs.append("mkdir -p \"$(dirname '").append(path).append("')\" && cp '")
            .append(dir.resolve(m.group(1) == null ? "cert.pem" : "key.pem")).append("' '").append(path).append("'\n");
      }
    }
    return "set -u\n"
        + "cp -a /etc/nginx '" + dir.resolve("pristine") + "'\n"
        + "mount -t overlay overlay -o lowerdir=/etc,upperdir='" + dir.resolve("etc-upper") + "',workdir='"
        + dir.resolve("etc-work") + "' /etc\n"
        + certs
        + "for p in /etc/nginx /run /var/log/nginx /var/lib/nginx /var/www /srv; do\n"
        + "  [ -d \"$p\" ] && mount -t tmpfs -o size=64m tmpfs \"$p\"\n"
        + "done\n"
        + "ip link set lo up\n"
        + "reset() { rm -rf /etc/nginx/* /etc/nginx/.[!.]* 2>/dev/null; cp -a '" + dir.resolve("pristine")
        + "/.' /etc/nginx/; mkdir -p /etc/nginx/ssl; cp '" + dir.resolve("cert.pem") + "' '" + dir.resolve("key.pem")
        + "' /etc/nginx/ssl/; }\n";
  }

  static void run(Path dir, String script) throws IOException, InterruptedException {
    Path file = dir.resolve("run.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("unshare", "-m", "-n", "bash", file.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("run.log").toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new IOException("nginx oracle run timed out");
    }
  }

  static void certificate(Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
        "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("openssl could not make a test certificate");
    }
  }

  private static final Pattern EMERG = Pattern.compile("\\[emerg\\] \\d+#\\d+: (.*?)(?: in (/\\S+):(\\d+))?$",
      Pattern.MULTILINE);

  private static Verdict verdict(Path cd) throws IOException {
    String out = Files.exists(cd.resolve("out")) ? Files.readString(cd.resolve("out")) : "";
    int rc = Files.exists(cd.resolve("rc")) ? Integer.parseInt(Files.readString(cd.resolve("rc")).strip()) : -1;
    Matcher m = EMERG.matcher(out);
    if (m.find()) {
      return new Verdict(rc, m.group(1), m.group(2), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), out);
    }
    return new Verdict(rc, "", null, 0, out);
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
