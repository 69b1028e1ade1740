package org.opsbook.checker.sshd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * The comparisons the sshd oracle tests share: verdicts of opsbook and sshd, effective
 * configurations of opsbook's query and {@code sshd -T -C}, and the tally they report. A
 * disagreement named in a corpus' known-differences.txt (with its reason) is tolerated and shown;
 * any other fails the test.
 */
final class OracleTally {
  /** opsbook's or sshd's verdict on one configuration. */
  enum Verdict { ERROR, WARNINGS, CLEAN }

  static final String SPEC_PREFIX = "# oracle-spec:";

  private final String name;
  private final Map<String, String> known;
  private int configs;
  private int verdictAgree;
  private int errorAgree;
  private int falseErrors;
  private int missedErrors;
  private int dumps;
  private int dumpAgree;
  final List<String> unexpected = new ArrayList<>();
  final List<String> tolerated = new ArrayList<>();

  OracleTally(String name, Map<String, String> known) {
    this.name = name;
    this.known = known;
  }

  /** opsbook's verdict: any error; else a warning sshd also prints (deprecated/unsupported); else clean. */
  static Verdict verdict(List<Diagnostic> found) {
    if (found.stream().anyMatch(Diagnostic::isError)) {
      return Verdict.ERROR;
    }
    boolean echoed = found.stream().anyMatch(d -> d.rule().value().equals("sshd.deprecated-keyword")
        || d.rule().value().equals("sshd.authentication-methods-disabled")
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

  void verdicts(String config, List<Diagnostic> found, RealSshd.Result real) {
    configs++;
    Verdict ours = verdict(found);
    Verdict theirs = verdict(real);
    if ((ours == Verdict.ERROR) == (theirs == Verdict.ERROR)) {
      errorAgree++;
    } else if (ours == Verdict.ERROR) {
      falseErrors++;
    } else {
      missedErrors++;
    }
    if (ours == theirs) {
      verdictAgree++;
      return;
    }
    String what = config + ": opsbook says " + ours + " " + summary(found) + ", sshd -t says " + theirs
        + " (exit " + real.exitCode() + ": " + real.stderr().strip().replace('\n', ' ') + ")";
    (known.containsKey(config) ? tolerated : unexpected).add(what);
  }

  void dump(String config, String spec, String sshdOutput, String opsbookOutput) {
    dumps++;
    String expected = withoutHostKeys(sshdOutput);
    String actual = withoutHostKeys(opsbookOutput);
    if (expected.equals(actual)) {
      dumpAgree++;
      return;
    }
    String what = config + " -C " + spec + ": effective configs differ:\n" + diff(expected, actual);
    (known.containsKey(config) ? tolerated : unexpected).add(what);
  }

  String report() {
    return String.format(Locale.ROOT, "%s: %d configs; error/no-error agreement %d/%d (%.1f%%), %d false errors,"
            + " %d missed errors; three-way verdict agreement %d/%d (%.1f%%); sshd -T agreement %d/%d (%.1f%%)",
        name, configs, errorAgree, configs, percent(errorAgree, configs), falseErrors, missedErrors, verdictAgree,
        configs, percent(verdictAgree, configs), dumpAgree, dumps, percent(dumpAgree, dumps));
  }

  int configs() {
    return configs;
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? 100.0 : 100.0 * part / whole;
  }

  static List<String> specs(String text) {
    List<String> specs = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith(SPEC_PREFIX)) {
        specs.add(line.substring(SPEC_PREFIX.length()).strip());
      }
    }
    return specs;
  }

  private static String summary(List<Diagnostic> found) {
    return found.stream().filter(d -> d.severity() != Severity.INFO)
        .map(d -> d.where().file() + ":" + d.where().line() + ":" + d.rule()).toList().toString();
  }

  static String withoutHostKeys(String dump) {
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

  /** {@code name: reason} lines of a known-differences.txt; {@code #} lines are comments. */
  static Map<String, String> knownDifferences(Path file) throws IOException {
    Map<String, String> known = new TreeMap<>();
    if (!Files.exists(file)) {
      return known;
    }
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
}
