package org.opsbook.checker.sshd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckContext;
import org.opsbook.check.DiskFiles;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;

/**
 * Differential test against the installed OpenSSH: for every config in the oracle corpus,
 * opsbook's verdict must equal {@code sshd -t}'s, and for each {@code # oracle-spec:} line the
 * effective configuration must equal {@code sshd -T -C}'s. Disagreements listed in
 * known-differences.txt (with a reason) are reported but tolerated.
 */
@Tag("oracle")
class SshdOracleTest {
  private static final String CORPUS = "/org/opsbook/checker/sshd/oracle";
  private static final String SPEC_PREFIX = "# oracle-spec:";
  private static final String DEFAULT_SPEC = "user=oracle,host=client.example,addr=198.51.100.77,laddr=192.0.2.1,lport=22";

  private final SshdChecker checker = new SshdChecker();
  /** What opsbook lint and query see: the host's own files, as sshd does. */
  private static final CheckContext HOST = CheckContext.empty().withFiles(DiskFiles.host("sshd_config"));

  enum Verdict { ERROR, WARNINGS, CLEAN }

  @Test
  void verdictsAndEffectiveValuesAgreeWithRealSshd(@TempDir Path temp) throws Exception {
    String reason = RealSshd.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    RealSshd sshd = RealSshd.start(temp);
    Map<String, String> known = knownDifferences();
    List<Path> configs = corpus();
    assertTrue(configs.size() >= 100, "the oracle corpus should hold at least 100 configs, has " + configs.size());

    int verdictAgree = 0;
    int errorAgree = 0;
    int dumps = 0;
    int dumpAgree = 0;
    List<String> unexpected = new ArrayList<>();
    List<String> tolerated = new ArrayList<>();
    for (Path config : configs) {
      String name = config.getFileName().toString().replace(".conf", "");
      String text = Files.readString(config, StandardCharsets.UTF_8);
      Snippet snippet = Snippet.ofFile("sshd_config", text, name + ".conf");
      List<Diagnostic> found = checker.check(snippet, HOST);
      RealSshd.Result real = sshd.test(config);
      Verdict ours = verdict(found);
      Verdict theirs = verdict(real);
      if ((ours == Verdict.ERROR) == (theirs == Verdict.ERROR)) {
        errorAgree++;
      }
      if (ours == theirs) {
        verdictAgree++;
      } else {
        String what = name + ": opsbook says " + ours + " " + summary(found) + ", sshd -t says " + theirs
            + " (exit " + real.exitCode() + ": " + real.stderr().strip().replace('\n', ' ') + ")";
        (known.containsKey(name) ? tolerated : unexpected).add(what);
      }
      List<String> specs = specs(text);
      if (specs.isEmpty() && theirs != Verdict.ERROR) {
        // Every config sshd accepts is also compared as a whole sshd -T dump for one connection.
        specs = List.of(DEFAULT_SPEC);
      }
      for (String spec : specs) {
        dumps++;
        RealSshd.Result dump = sshd.dump(config, spec);
        QueryResult q = checker.query(snippet, spec, HOST);
        String expected = withoutHostKeys(dump.exitCode() == 0 ? dump.stdout() : "");
        String actual = withoutHostKeys(q.output());
        if (expected.equals(actual)) {
          dumpAgree++;
        } else {
          String what = name + " -C " + spec + ": effective configs differ:\n" + diff(expected, actual);
          (known.containsKey(name) ? tolerated : unexpected).add(what);
        }
      }
    }
    String report = String.format(Locale.ROOT,
        "sshd oracle: %d configs; error/no-error agreement %d/%d (%.1f%%); three-way verdict agreement %d/%d"
            + " (%.1f%%); sshd -T agreement %d/%d",
        configs.size(), errorAgree, configs.size(), 100.0 * errorAgree / configs.size(), verdictAgree,
        configs.size(), 100.0 * verdictAgree / configs.size(), dumpAgree, dumps);
    System.out.println(report);
    tolerated.forEach(t -> System.out.println("known difference: " + t));
    assertTrue(unexpected.isEmpty(), report + "\nunexpected disagreements:\n" + String.join("\n", unexpected));
  }

  /** opsbook's verdict: any error; else a warning sshd also prints (deprecated/unsupported); else clean. */
  static Verdict verdict(List<Diagnostic> found) {
    if (found.stream().anyMatch(Diagnostic::isError)) {
      return Verdict.ERROR;
    }
    boolean echoed = found.stream().anyMatch(d -> d.rule().value().equals("sshd.deprecated-keyword")
        || d.rule().value().equals("sshd.unsupported-keyword"));
    return echoed ? Verdict.WARNINGS : Verdict.CLEAN;
  }

  /** sshd's verdict: non-zero exit; else anything on stderr (its "Deprecated option" lines); else clean. */
  static Verdict verdict(RealSshd.Result r) {
    if (r.exitCode() != 0) {
      return Verdict.ERROR;
    }
    return r.stderr().isBlank() ? Verdict.CLEAN : Verdict.WARNINGS;
  }

  private static String summary(List<Diagnostic> found) {
    return found.stream().filter(d -> d.severity() != org.opsbook.diag.Severity.INFO)
        .map(d -> d.where().line() + ":" + d.rule()).toList().toString();
  }

  private static List<String> specs(String text) {
    List<String> specs = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith(SPEC_PREFIX)) {
        specs.add(line.substring(SPEC_PREFIX.length()).strip());
      }
    }
    return specs;
  }

  private static String withoutHostKeys(String dump) {
    StringBuilder b = new StringBuilder();
    for (String line : dump.split("\n")) {
      if (!line.startsWith("hostkey ") && !line.isEmpty()) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }

  private static String diff(String expected, String actual) {
    List<String> e = List.of(expected.split("\n"));
    List<String> a = List.of(actual.split("\n"));
    StringBuilder b = new StringBuilder();
    for (String line : e) {
      if (!a.contains(line)) {
        b.append("  sshd:    ").append(line).append('\n');
      }
    }
    for (String line : a) {
      if (!e.contains(line)) {
        b.append("  opsbook: ").append(line).append('\n');
      }
    }
    return b.toString();
  }

  private static Map<String, String> knownDifferences() throws IOException, URISyntaxException {
    Map<String, String> known = new TreeMap<>();
    Path file = Path.of(SshdOracleTest.class.getResource(CORPUS + "/known-differences.txt").toURI());
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int colon = l.indexOf(':');
      known.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
    }
    return known;
  }

  private static List<Path> corpus() throws IOException, URISyntaxException {
    Path dir = Path.of(SshdOracleTest.class.getResource(CORPUS).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
    }
  }
}
