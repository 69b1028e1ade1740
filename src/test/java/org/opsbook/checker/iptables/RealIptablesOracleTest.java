package org.opsbook.checker.iptables;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.model.Outcome;
import org.opsbook.checker.iptables.syntax.IptablesParser;
import org.opsbook.diag.Diagnostic;

/**
 * Differential test against the real iptables: every snippet under {@code oracle/} runs in a
 * network namespace of its own (never the host's tables), command by command for command lines
 * and loaded for real with iptables-restore for save files, and each accept/refuse must match
 * opsbook's verdict unless {@code known-differences.txt} lists it with a reason.
 */
@Tag("oracle")
class RealIptablesOracleTest {
  private static final Path ORACLE = resource("oracle");

  @Test
  void agreesWithRealIptablesOnEveryCommand() throws Exception {
    Assumptions.assumeTrue(run(List.of("iptables", "--version")) == 0, "iptables is not installed");
    String probe = "opsbook-t-probe" + ProcessHandle.current().pid();
    boolean netns = run(List.of("ip", "netns", "add", probe)) == 0;
    run(List.of("ip", "netns", "del", probe));
    Assumptions.assumeTrue(netns, "cannot create network namespaces (needs root and iproute2)");

    Map<String, String> known = knownDifferences();
    List<Path> files;
    try (Stream<Path> s = Files.list(ORACLE)) {
      files = s.filter(p -> !p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    int compared = 0;
    int agreed = 0;
    int realRefused = 0;
    int caught = 0;
    List<String> disagreements = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String language = name.substring(name.indexOf('.') + 1);
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Snippet snippet = Snippet.ofFile(language, text, name);
      IptablesParser.Result result = IptablesParser.parse(snippet, List.of());
      String ns = "opsbook-t-" + ProcessHandle.current().pid() + "-" + name.substring(0, name.indexOf('.'));
      if (run(List.of("ip", "netns", "add", ns)) != 0) {
        throw new IOException("cannot create namespace " + ns);
      }
      try {
        List<int[]> verdicts = new ArrayList<>(); // {line, real accepted, opsbook accepted}
        if (IptablesParser.isSaveFormat(snippet)) {
          String restore = language.startsWith("ip6") ? "ip6tables-restore" : "iptables-restore";
          int rc = run(List.of("ip", "netns", "exec", ns, restore, file.toString()));
          boolean mine = result.outcomes().stream().allMatch(Outcome::accepted)
              && result.diagnostics().stream().noneMatch(Diagnostic::isError);
          verdicts.add(new int[] {1, rc == 0 ? 1 : 0, mine ? 1 : 0});
        } else {
          List<String> lines = snippet.lines();
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("iptables") && !line.startsWith("ip6tables")) {
              continue;
            }
            int n = i + 1;
            int rc = run(List.of("ip", "netns", "exec", ns, "sh", "-c", line));
            boolean mine = result.outcomes().stream().filter(o -> o.line() == n).allMatch(Outcome::accepted);
            verdicts.add(new int[] {n, rc == 0 ? 1 : 0, mine ? 1 : 0});
          }
        }
        for (int[] v : verdicts) {
          compared++;
          if (v[1] == 0) {
            realRefused++;
            if (v[2] == 0) {
              caught++;
            }
          }
          String key = name + ":" + v[0];
          if (v[1] == v[2]) {
            agreed++;
          } else if (!known.containsKey(key)) {
            disagreements.add(key + ": iptables " + (v[1] == 1 ? "accepts" : "refuses") + ", opsbook " + (v[2] == 1 ? "accepts" : "refuses")
                + " " + result.diagnostics());
          }
        }
      } finally {
        run(List.of("ip", "netns", "del", ns));
      }
    }
    System.out.printf("oracle: %d snippets, %d commands compared, %d agree (%.1f%%); real iptables refused %d, opsbook caught %d%n",
        files.size(), compared, agreed, 100.0 * agreed / compared, realRefused, caught);
    assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
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

  private static Path resource(String name) {
    try {
      return Path.of(RealIptablesOracleTest.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }
}
