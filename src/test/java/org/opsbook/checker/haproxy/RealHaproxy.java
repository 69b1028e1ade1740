package org.opsbook.checker.haproxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opsbook.checker.haproxy.validate.Wrapping;

/**
 * Runs Debian's haproxy as an oracle without touching the host: every {@code haproxy -c} runs in
 * a private mount and network namespace ({@code unshare -m -n}) where /etc is a copy-on-write
 * overlay and /var/www, /srv and /run are fresh tmpfs mounts, so the files a case names can be put
 * at their absolute paths. Each {@code crt} path gets a throwaway certificate. Temporary folders
 * are named {@code ob-haproxy-*} and deleted afterwards.
 */
final class RealHaproxy {
  static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  private RealHaproxy() {}

  static boolean available() {
    return Files.isExecutable(HAPROXY) && "root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/bin/openssl"));
  }

  /** What haproxy -c said: its exit status, its alerts and warnings with the lines of the case file they name. */
  record Verdict(int status, List<Message> alerts, List<Message> warnings, String output) {
    /** Exit 0, or 2 ("no listener"), which is not a syntax error. */
    boolean accepted() {
      return status == 0 || status == 2;
    }

    Message first() {
      return alerts.isEmpty() ? new Message("(no alert)", 0) : alerts.get(0);
    }
  }

  /** One message and the line of the case file it names, or 0. */
  record Message(String text, int line) {}

  static Map<String, Verdict> check(List<OracleCase> cases) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("ob-haproxy-");
    try {
      certificate(dir);
      Files.writeString(dir.resolve("wrapper.cfg"), Wrapping.WRAPPER, StandardCharsets.UTF_8);
      Set<String> certs = new TreeSet<>();
      Pattern crt = Pattern.compile("\\bcrt\\s+(/\\S+)");
      for (OracleCase c : cases) {
        Matcher m = crt.matcher(c.text());
        while (m.find()) {
          if (m.group(1).startsWith("/etc/") && !m.group(1).contains("'")) {
            certs.add(m.group(1));
          }
        }
      }
      StringBuilder script = new StringBuilder("set -u\n");
      script.append("mkdir -p '").append(dir).append("/etc-upper' '").append(dir).append("/etc-work'\n");
      script.append("mount -t overlay overlay -o lowerdir=/etc,upperdir='").append(dir).append("/etc-upper',workdir='")
          .append(dir).append("/etc-work' /etc\n");
      script.append("ip link set lo up\n");
      script.append("for p in /var/www /srv /run; do mkdir -p \"$p\" 2>/dev/null; mount -t tmpfs -o size=64m tmpfs \"$p\"; done\n");
      for (String c : certs) {
        script.append("mkdir -p \"$(dirname '").append(c).append("')\"; cp '").append(dir.resolve("combined.pem"))
            .append("' '").append(c).append("'\n");
      }
      for (OracleCase c : cases) {
        Path cd = Files.createDirectories(dir.resolve("cases").resolve(c.name()));
        Files.writeString(cd.resolve(c.name() + ".cfg"), c.text(), StandardCharsets.UTF_8);
        List<String> placed = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> f : c.files().entrySet()) {
          Path copy = cd.resolve("f" + n++);
          Files.writeString(copy, f.getValue(), StandardCharsets.UTF_8);
          script.append("mkdir -p \"$(dirname '").append(f.getKey()).append("')\"; cp '").append(copy).append("' '")
              .append(f.getKey()).append("'\n");
          placed.add(f.getKey());
        }
        script.append("(cd '").append(cd).append("' && timeout 10 ").append(HAPROXY).append(" -c");
        if (c.wrapped()) {
          script.append(" -f '").append(dir.resolve("wrapper.cfg")).append("'");
        }
        script.append(" -f ").append(c.name()).append(".cfg > out 2>&1; echo $? > rc)\n");
        for (String p : placed) {
          script.append("rm -f '").append(p).append("'\n");
        }
      }
      run(dir, script.toString());
      Map<String, Verdict> out = new TreeMap<>();
      for (OracleCase c : cases) {
        out.put(c.name(), verdict(dir.resolve("cases").resolve(c.name()), c.name() + ".cfg"));
      }
      return out;
    } finally {
      delete(dir);
    }
  }

  static void run(Path dir, String script) throws IOException, InterruptedException {
    Path file = dir.resolve("run.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("unshare", "-m", "-n", "bash", file.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("run.log").toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new IOException("haproxy oracle run timed out");
    }
  }

  /** A throwaway self-signed certificate and key in one PEM file, as crt takes it. */
  static void certificate(Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
        "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("openssl could not make a test certificate");
    }
    Files.writeString(dir.resolve("combined.pem"), Files.readString(dir.resolve("cert.pem"))
        + Files.readString(dir.resolve("key.pem")));
  }

  private static final Pattern MESSAGE = Pattern.compile("^\\[(ALERT|WARNING)\\]\\s+\\(\\d+\\) : (?:config : )?(.*)$",
      Pattern.MULTILINE);

  static Verdict verdict(Path cd, String file) throws IOException {
    String out = Files.exists(cd.resolve("out")) ? Files.readString(cd.resolve("out")) : "";
    int rc = Files.exists(cd.resolve("rc")) ? Integer.parseInt(Files.readString(cd.resolve("rc")).strip()) : -1;
    List<Message> alerts = new ArrayList<>();
    List<Message> warnings = new ArrayList<>();
    Matcher m = MESSAGE.matcher(out);
    Pattern at = Pattern.compile("\\[" + Pattern.quote(file) + ":(\\d+)\\]");
    while (m.find()) {
      String text = m.group(2);
      if (text.startsWith("Error(s) found in configuration file") || text.startsWith("Fatal errors found")) {
        continue;
      }
      Matcher l = at.matcher(text);
      Message msg = new Message(text, l.find() ? Integer.parseInt(l.group(1)) : 0);
      (m.group(1).equals("ALERT") ? alerts : warnings).add(msg);
    }
    return new Verdict(rc, alerts, warnings, out);
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
