package org.opsbook.checker.sshclient;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;

/**
 * Differential test: every config of the corpus goes through {@code ssh -G -F FILE HOST}; the
 * verdict (refused or accepted) must agree with opsbook's (an error or not), and for accepted
 * configs every line opsbook's model prints must equal what ssh prints, for each host the file
 * names plus one it does not, with and without a user given on the command line ({@code -l}). Disagreements listed in known-differences.txt are tolerated.
 */
@Tag("oracle")
class SshGOracleTest {
  private static final Path CORPUS = Paths.get("src/test/resources/org/opsbook/checker/sshclient/oracle");
  private static final SshClientChecker CHECKER = new SshClientChecker();

  @Test
  void verdictsAndEffectiveValuesAgreeWithSshMinusG() throws Exception {
    Assumptions.assumeTrue(sshAvailable(), "ssh (openssh-client) is not installed; install it to run this oracle test");
    Map<String, String> known = knownDifferences();
    String localUser = System.getProperty("user.name");
    List<String> disagreements = new ArrayList<>();
    int verdictAgree = 0;
    int total = 0;
    int valueCases = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(CORPUS)) {
      files = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString().replace(".conf", "");
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Snippet snippet = Snippet.ofFile("ssh_config", text.replace("\r\n", "\n"), name + ".conf");
      boolean opsbookError = CHECKER.check(snippet, CheckContext.empty()).stream().anyMatch(Diagnostic::isError);
      List<String> hosts = hostsFor(text);
      Run first = runSsh(file, hosts.get(0), null);
      boolean sshError = first.exit != 0;
      total++;
      if (sshError == opsbookError) {
        verdictAgree++;
      } else if (!known.containsKey(name)) {
        disagreements.add(name + ": ssh " + (sshError ? "refuses (" + first.err.strip() + ")" : "accepts")
            + " but opsbook " + (opsbookError ? "reports an error" : "reports no error"));
      }
      if (sshError || opsbookError) {
        continue;
      }
      for (String host : hosts) {
        for (String user : new String[] {null, "deploy"}) {
          Run run = host.equals(hosts.get(0)) && user == null ? first : runSsh(file, host, user);
          QueryResult q = CHECKER.query(snippet, "host=" + host + " localuser=" + localUser
              + (user == null ? "" : " user=" + user), CheckContext.empty());
          valueCases++;
          String diff = compare(run.out, q.output());
          if (!diff.isEmpty() && !known.containsKey(name)) {
            disagreements.add(name + " (host " + host + (user == null ? "" : ", -l " + user) + "): " + diff);
          }
        }
      }
    }
    Path oneFile = Files.createTempFile("opsbook-ssh-one", ".conf");
    try {
      int n = 0;
      for (String line : Files.readAllLines(CORPUS.resolve("one-liners.txt"), StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        Files.writeString(oneFile, line + "\n", StandardCharsets.UTF_8);
        Snippet snippet = Snippet.ofFile("ssh_config", line + "\n", "one-liners.txt");
        boolean opsbookError = CHECKER.check(snippet, CheckContext.empty()).stream().anyMatch(Diagnostic::isError);
        Run run = runSsh(oneFile, "h.example", null);
        total++;
        if ((run.exit != 0) == opsbookError) {
          verdictAgree++;
        } else {
          disagreements.add("one-liners.txt:" + n + " [" + line + "]: ssh " + (run.exit != 0 ? "refuses (" + run.err.strip() + ")" : "accepts")
              + " but opsbook " + (opsbookError ? "reports an error" : "reports no error"));
          continue;
        }
        if (run.exit == 0) {
          valueCases++;
          String diff = compare(run.out, CHECKER.query(snippet, "host=h.example localuser=" + localUser, CheckContext.empty()).output());
          if (!diff.isEmpty()) {
            disagreements.add("one-liners.txt:" + n + " [" + line + "]: " + diff);
          }
        }
      }
    } finally {
      Files.deleteIfExists(oneFile);
    }
    System.out.printf("ssh -G oracle: verdicts agree on %d of %d configs; %d effective configs compared%n",
        verdictAgree, total, valueCases);
    assertTrue(disagreements.isEmpty(), "disagreements with ssh -G:\n" + String.join("\n", disagreements));
  }

  private static String compare(String ssh, String opsbook) {
    Set<String> sshLines = new LinkedHashSet<>(ssh.lines().toList());
    Set<String> ours = new LinkedHashSet<>(opsbook.lines().toList());
    List<String> diffs = new ArrayList<>();
    for (String l : sshLines) {
      if (!ours.contains(l)) {
        diffs.add("ssh prints '" + l + "'");
      }
    }
    for (String l : ours) {
      if (!sshLines.contains(l)) {
        diffs.add("opsbook prints '" + l + "'");
      }
    }
    return String.join("; ", diffs);
  }

  /** Literal Host patterns of the file, then one name no pattern names. */
  private static List<String> hostsFor(String text) {
    Set<String> hosts = new LinkedHashSet<>();
    for (String line : text.split("\r?\n")) {
      String t = line.strip();
      if (t.regionMatches(true, 0, "host", 0, 4) && t.length() > 4 && (t.charAt(4) == ' ' || t.charAt(4) == '\t' || t.charAt(4) == '=')) {
        for (String p : t.substring(5).strip().split("[\\s]+")) {
          if (p.matches("[A-Za-z0-9.-]+")) {
            hosts.add(p);
          }
        }
      }
    }
    hosts.add("other.example.org");
    return new ArrayList<>(hosts);
  }

  private record Run(int exit, String out, String err) {}

  private static Run runSsh(Path file, String host, String user) throws IOException, InterruptedException {
    Path err = Files.createTempFile("opsbook-ssh-oracle", ".err");
    List<String> cmd = new ArrayList<>(List.of("ssh", "-G", "-F", file.toString()));
    if (user != null) {
      cmd.addAll(List.of("-l", user));
    }
    cmd.add(host);
    try {
      Process p = new ProcessBuilder(cmd)
          .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return new Run(p.exitValue(), out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static boolean sshAvailable() {
    try {
      Process p = new ProcessBuilder("ssh", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static Map<String, String> knownDifferences() throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (String line : Files.readAllLines(CORPUS.resolve("known-differences.txt"))) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int sp = t.indexOf(' ');
      m.put(sp < 0 ? t : t.substring(0, sp), sp < 0 ? "" : t.substring(sp + 1));
    }
    return m;
  }
}
