package org.opsbook.checker.authkeys;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.authkeys.model.AuthorizedKeys;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.syntax.AuthorizedKeysParser;
import org.opsbook.checker.authkeys.syntax.ExpiryTime;

/**
 * Differential test: real keys made with ssh-keygen, written into authorized_keys lines with and
 * without options and in damaged forms, are read by {@code ssh-keygen -l -f}; opsbook must agree
 * on whether the key parses and, when it does, on its type and size.
 */
@Tag("oracle")
class SshKeygenOracleTest {
  private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME;
  private static final Set<String> KEY_RULES =
      Set.of("authkeys.unknown-key-type", "authkeys.bad-key", "authkeys.key-type-mismatch");

  @Test
  void keyValidityTypeAndSizeAgreeWithSshKeygen() throws Exception {
    Assumptions.assumeTrue(available(), "ssh-keygen (openssh-client) is not installed; install it to run this oracle test");
    Path dir = Files.createTempDirectory("opsbook-authkeys-oracle");
    try {
      Map<String, String> pubs = new LinkedHashMap<>();
      String[][] specs = {{"ed25519", "-t", "ed25519"}, {"rsa1024", "-t", "rsa", "-b", "1024"},
          {"rsa3072", "-t", "rsa", "-b", "3072"}, {"ecdsa256", "-t", "ecdsa", "-b", "256"},
          {"ecdsa384", "-t", "ecdsa", "-b", "384"}, {"ecdsa521", "-t", "ecdsa", "-b", "521"},
          {"dsa", "-t", "dsa"}};
      for (String[] spec : specs) {
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", "", "-C", spec[0] + "@example", "-f",
            dir.resolve(spec[0]).toString()));
        cmd.addAll(List.of(spec).subList(1, spec.length));
        run(cmd);
        pubs.put(spec[0], Files.readString(dir.resolve(spec[0] + ".pub")).strip());
      }
      List<String> lines = new ArrayList<>();
      for (String pub : pubs.values()) {
        String[] f = pub.split(" ");
        lines.add(pub);
        lines.add("restrict,command=\"/usr/local/bin/backup\",from=\"198.51.100.7\" " + pub);
        lines.add("no-pty,permitopen=\"localhost:5900\" " + pub);
        lines.add("command=\"echo a b\", no-pty " + pub); // a space ends the options early
        lines.add(f[0] + " " + f[1].substring(0, f[1].length() / 2) + " truncated");
        lines.add(f[0] + " " + f[1] + "@@ bad-base64");
        lines.add("ssh-foo " + f[1] + " unknown-type");
        lines.add("  " + pub + "  ");
        lines.add("from=\"10.0.0.0/8\"\t" + f[0] + " " + f[1]);
      }
      String ed = pubs.get("ed25519").split(" ")[1];
      String rsa = pubs.get("rsa3072").split(" ")[1];
      lines.add("ssh-rsa " + ed + " mismatched");
      lines.add("ssh-ed25519 " + rsa + " mismatched");
      lines.add("ecdsa-sha2-nistp384 " + pubs.get("ecdsa256").split(" ")[1] + " wrong-curve");
      lines.add("ssh-ed25519 " + Base64.getEncoder().encodeToString("garbage".getBytes(StandardCharsets.UTF_8)));
      lines.add("restrict");
      List<String> disagreements = new ArrayList<>();
      int agree = 0;
      for (int i = 0; i < lines.size(); i++) {
        Path file = dir.resolve("line" + i);
        Files.writeString(file, lines.get(i) + "\n");
        Result keygen = run(List.of("ssh-keygen", "-l", "-f", file.toString()));
        String text = lines.get(i) + "\n";
        Findings findings = new Findings(Snippet.ofFile("authorized_keys", text, "line" + i));
        AuthorizedKeys keys = AuthorizedKeysParser.parse(text, findings);
        boolean opsbookOk = findings.diagnostics().stream().noneMatch(f -> KEY_RULES.contains(f.rule().value()));
        boolean keygenOk = keygen.exit == 0;
        String problem = null;
        if (keygenOk != opsbookOk) {
          problem = "ssh-keygen " + (keygenOk ? "reads" : "rejects") + " the key, opsbook " + (opsbookOk ? "reads it" : "rejects it");
        } else if (keygenOk) {
          KeyLine k = keys.keys().get(0);
          String[] out = keygen.out.strip().split(" ");
          String bits = out[0];
          String kind = out[out.length - 1];
          if (k.key().isEmpty() || !String.valueOf(k.key().get().bits()).equals(bits) || !kind.equals(family(k.keyType()))) {
            problem = "ssh-keygen says " + bits + " " + kind + ", opsbook says "
                + k.key().map(x -> x.bits() + " " + family(k.keyType())).orElse("nothing");
          }
        }
        if (problem == null) {
          agree++;
        } else {
          disagreements.add("line '" + lines.get(i) + "': " + problem);
        }
      }
      System.out.printf("ssh-keygen oracle: %d of %d authorized_keys lines agree%n", agree, lines.size());
      assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * sshd reads expiry-time with misc.c parse_absolute_time, and ssh-keygen reads the start of a
   * certificate's validity ({@code -V FROM:forever}) with the same function: each value must be
   * refused by both or read as the same moment, on a clock that runs on UTC. ssh-keygen prints a
   * start of time_t 0 as "forever".
   */
  @Test
  void expiryTimesAreReadAsSshKeygenReadsValidityStarts() throws Exception {
    Assumptions.assumeTrue(available(), "ssh-keygen (openssh-client) is not installed; install it to run this oracle test");
    Path dir = Files.createTempDirectory("opsbook-expiry-oracle");
    try {
      run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("ca").toString()));
      run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("user").toString()));
      List<String> values = new ArrayList<>(List.of("20260101", "20261301", "20260100", "20260132", "20260431",
          "20260229", "20240229", "2026043123", "202604302359", "20260430235960", "20260430235961",
          "20260430235962", "202601012400", "202601010060", "19691231", "19700101", "19700101000001",
          "19700101Z", "20260101z", "20260101Z", "20260101UTC", "20260101utc", "20260101 UTC", "2026 101",
          "2026010 ", " 2026010", "20260101 Z", "69947558000000", "00000101", "99991231235959", "2026-1-1",
          "2026\t101", "2026+101", "2026 1 1", "20260101ZZ", "Z", "UTC", "20260101T0000",
          "202601011", "2026 1011200"));
      java.util.Random random = new java.util.Random(20261205L);
      for (int i = 0; i < 60; i++) {
        StringBuilder v = new StringBuilder();
        v.append(1960 + random.nextInt(80));
        int[] limits = {14, 33, 25, 61, 63};
        for (int f = 0; f < 2 + (i % 3) * 2 && f < limits.length; f++) {
          v.append(String.format(java.util.Locale.ROOT, "%02d", random.nextInt(limits[f])));
        }
        values.add(v.substring(0, Math.min(v.length(), 14)));
      }
      List<String> disagreements = new ArrayList<>();
      for (String value : values) {
        Files.deleteIfExists(dir.resolve("user-cert.pub"));
        ProcessBuilder keygen = new ProcessBuilder("ssh-keygen", "-q", "-s", dir.resolve("ca").toString(), "-I", "x",
            "-V", value + ":forever", dir.resolve("user.pub").toString()).redirectErrorStream(true);
        keygen.environment().put("TZ", "UTC");
        Process p = keygen.start();
        p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        String theirs = "refused";
        if (Files.exists(dir.resolve("user-cert.pub"))) {
          ProcessBuilder list = new ProcessBuilder("ssh-keygen", "-L", "-f", dir.resolve("user-cert.pub").toString())
              .redirectErrorStream(true);
          list.environment().put("TZ", "UTC");
          Process l = list.start();
          String out = new String(l.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          l.waitFor(60, TimeUnit.SECONDS);
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("Valid: (?:after (\\S+)|forever)").matcher(out);
          theirs = !m.find() ? "unreadable: " + out : m.group(1) == null ? ExpiryTime.EPOCH.format(ISO) : m.group(1);
        }
        String ours = ExpiryTime.read(value)
            .map(t -> t.format(ISO)).orElse("refused");
        if (!theirs.equals(ours)) {
          disagreements.add("'" + value + "': ssh-keygen " + theirs + ", opsbook " + ours);
        }
      }
      System.out.printf("ssh-keygen oracle: %d of %d expiry times agree%n", values.size() - disagreements.size(),
          values.size());
      assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static String family(String type) {
    if (type.startsWith("ssh-ed25519")) {
      return "(ED25519)";
    }
    if (type.startsWith("ecdsa")) {
      return "(ECDSA)";
    }
    if (type.startsWith("ssh-rsa")) {
      return "(RSA)";
    }
    return type.startsWith("ssh-dss") ? "(DSA)" : "(?)";
  }

  private record Result(int exit, String out) {}

  private static Result run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + cmd);
    }
    return new Result(p.exitValue(), out);
  }

  private static boolean available() {
    try {
      Process p = new ProcessBuilder("ssh-keygen", "-?").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
