package org.opsbook.checker.iptables;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.model.Outcome;
import org.opsbook.checker.iptables.syntax.IptablesParser;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.Project;

/**
 * Differential test against the real iptables: every file under {@code oracle/} (grouped into
 * classes by its folder) runs in a network namespace of its own, never the host's tables. A script
 * runs whole under bash, with {@code iptables} and {@code ip6tables} wrapped so that each call
 * reports its line and exit status, so the shell itself decides which calls of an AND-OR list run;
 * a save file is loaded with iptables-restore. Each call's accept/refuse, and whether it ran at
 * all, must match opsbook's replay unless {@code known-differences.txt} lists it with a reason.
 */
@Tag("oracle")
class RealIptablesOracleTest {
  private static final Path ORACLE = Project.testResource("org/opsbook/checker/iptables/oracle");
  /** The corpus runs for real: a redirection into a file could write outside the namespace. */
  private static final Pattern FILE_REDIRECTION = Pattern.compile(">>?\\s*(?!/dev/null\\b|&)\\S");
  private static final List<String> WRAPPED = List.of("iptables", "ip6tables", "iptables-nft", "ip6tables-nft");
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  /** Agreement figures of one class of the corpus. */
  private static final class Tally {
    int files;
    int compared;
    int agreed;
    int realRefused;
    int caught;
    int falseErrors;
  }

  @Test
  void agreesWithRealIptablesOnEveryCall() throws Exception {
    Assumptions.assumeTrue(run(List.of("iptables", "--version")) == 0, "iptables is not installed");
    String probe = namespace();
    boolean netns = run(List.of("ip", "netns", "add", probe)) == 0;
    run(List.of("ip", "netns", "del", probe));
    Assumptions.assumeTrue(netns, "cannot create network namespaces (needs root and iproute2)");

    Map<String, String> known = knownDifferences();
    List<Path> files;
    try (Stream<Path> s = Files.walk(ORACLE)) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".txt")
          && !p.getFileName().toString().equals("README.md")).sorted().toList();
    }
    Map<String, Tally> classes = new TreeMap<>();
    List<String> disagreements = new ArrayList<>();
    Path scratch = Files.createTempDirectory("ob-ipt-oracle-");
    try {
      Path bin = wrappedPrograms(scratch);
      for (Path file : files) {
        String name = ORACLE.relativize(file).toString().replace('\\', '/');
        Tally tally = classes.computeIfAbsent(name.contains("/") ? name.substring(0, name.indexOf('/')) : "commands", k -> new Tally());
        tally.files++;
        compare(file, name, bin, scratch, known, tally, disagreements);
      }
    } finally {
      try (Stream<Path> s = Files.walk(scratch)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Tally total = new Tally();
    classes.forEach((k, t) -> {
      print(k, t);
      total.files += t.files;
      total.compared += t.compared;
      total.agreed += t.agreed;
      total.realRefused += t.realRefused;
      total.caught += t.caught;
      total.falseErrors += t.falseErrors;
    });
    print("all", total);
    assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
  }

  private static void print(String name, Tally t) {
    System.out.printf("oracle: %s: %d files, %d calls compared, %d agree (%.1f%%); real iptables refused %d, opsbook caught %d; "
        + "false errors %d%n", name, t.files, t.compared, t.agreed, t.compared == 0 ? 0.0 : 100.0 * t.agreed / t.compared,
        t.realRefused, t.caught, t.falseErrors);
  }

  private static void compare(Path file, String name, Path bin, Path scratch, Map<String, String> known, Tally tally,
      List<String> disagreements) throws Exception {
    String language = name.substring(name.lastIndexOf('.') + 1);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Snippet snippet = Snippet.ofFile(language, text, name);
    IptablesParser.Result result = IptablesParser.parse(snippet, List.of());
    String ns = namespace();
    if (run(List.of("ip", "netns", "add", ns)) != 0) {
      throw new IOException("cannot create namespace " + ns);
    }
    try {
      // line -> what happened there, in order: "A" accepted, "R" refused
      Map<Integer, String> real = new TreeMap<>();
      Map<Integer, String> mine = new TreeMap<>();
      if (IptablesParser.isSaveFormat(snippet)) {
        String restore = language.startsWith("ip6") ? "ip6tables-restore" : "iptables-restore";
        int rc = run(List.of("ip", "netns", "exec", ns, restore, file.toString()));
        boolean accepted = result.outcomes().stream().allMatch(Outcome::accepted)
            && result.diagnostics().stream().noneMatch(Diagnostic::isError);
        real.put(1, rc == 0 ? "A" : "R");
        mine.put(1, accepted ? "A" : "R");
      } else {
        assertTrue(!FILE_REDIRECTION.matcher(text).find(), name + ": the oracle corpus may redirect output to /dev/null only");
        Path log = scratch.resolve("calls-" + ns);
        String wrapper = "for p in " + String.join(" ", WRAPPED) + "; do eval \"$p() { command $p \\\"\\$@\\\"; local rc=\\$?; "
            + "echo \\\"\\${BASH_LINENO[0]} \\$rc\\\" >&9; return \\$rc; }\"; done; sudo() { \"$@\"; }; . \"$1\" 9>\"$2\"";
        run(List.of("ip", "netns", "exec", ns, "env", "-i", "PATH=" + bin, "LC_ALL=C", "/bin/bash", "-c", wrapper, "oracle",
            file.toString(), log.toString()));
        for (String l : Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.<String>of()) {
          String[] parts = l.split(" ");
          real.merge(Integer.parseInt(parts[0]), parts[1].equals("0") ? "A" : "R", String::concat);
        }
        for (Outcome o : result.outcomes()) {
          if (o.ran()) {
            mine.merge(o.line(), o.accepted() ? "A" : "R", String::concat);
          }
        }
      }
      java.util.Set<Integer> lines = new java.util.TreeSet<>(real.keySet());
      lines.addAll(mine.keySet());
      for (int line : lines) {
        String r = real.getOrDefault(line, "");
        String m = mine.getOrDefault(line, "");
        for (int k = 0; k < Math.max(r.length(), m.length()); k++) {
          char rc = k < r.length() ? r.charAt(k) : '-';
          char mc = k < m.length() ? m.charAt(k) : '-';
          tally.compared++;
          if (rc == 'R') {
            tally.realRefused++;
            if (mc == 'R') {
              tally.caught++;
            }
          }
          if (rc == 'A' && mc == 'R') {
            tally.falseErrors++;
          }
          String key = name + ":" + line;
          if (rc == mc) {
            tally.agreed++;
          } else if (!known.containsKey(key)) {
            disagreements.add(key + ": iptables " + describe(rc) + ", opsbook " + describe(mc) + " " + result.diagnostics());
          }
        }
      }
    } finally {
      run(List.of("ip", "netns", "del", ns));
    }
  }

  private static String describe(char c) {
    return switch (c) {
      case 'A' -> "accepts";
      case 'R' -> "refuses";
      default -> "does not run it";
    };
  }

  /** A folder holding only the iptables programs: the PATH of the scripts under test. */
  private static Path wrappedPrograms(Path scratch) throws IOException {
    Path bin = Files.createDirectories(scratch.resolve("bin"));
    for (String p : List.of("iptables", "ip6tables", "iptables-nft", "ip6tables-nft", "iptables-save", "iptables-restore",
        "ip6tables-save", "ip6tables-restore")) {
      for (String dir : List.of("/usr/sbin", "/sbin")) {
        Path real = Path.of(dir, p);
        if (Files.exists(real) && !Files.exists(bin.resolve(p))) {
          Files.createSymbolicLink(bin.resolve(p), real);
        }
      }
    }
    return bin;
  }

  private static String namespace() {
    return "ob-ipt-" + ProcessHandle.current().pid() + "-" + NAMESPACES.incrementAndGet();
  }

  private static Map<String, String> knownDifferences() throws IOException {
    Map<String, String> m = new TreeMap<>();
    Path p = ORACLE.resolve("known-differences.txt");
    if (Files.exists(p)) {
      for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        if (!l.isBlank() && !l.startsWith("#")) {
          String[] parts = l.split("\\s+", 2);
          m.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
      }
    }
    return m;
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return -1;
    }
    try (InputStream in = p.getInputStream()) {
      in.readAllBytes();
    }
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
