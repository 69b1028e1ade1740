package org.opsbook.checker.sshd.effective;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.syntax.ParseResult;
import org.opsbook.diag.Diagnostic;

/**
 * Runs an sshd {@code test} block. One case per line:
 * {@code user=alice addr=203.0.113.9 => chrootdirectory /home/sftp/alice, forcecommand internal-sftp}.
 * Blank lines and lines starting with {@code #} are skipped. Each {@code keyword value} pair after
 * {@code =>} must equal a line {@code sshd -T -C} would print; for values with {@code %u} or
 * {@code %%}, which sshd expands only when the session starts, the expanded form matches too.
 */
public final class TestBlockRunner {
  private static final String RULE = "sshd.bad-query";

  private TestBlockRunner() {}

  public static TestReport run(ParseResult parsed, Snippet subject, Snippet tests) {
    List<TestResult> results = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    if (parsed.hasErrors()) {
      problems.add(Diagnostic.error(tests.fence(), RULE,
          "the snippet under test has errors, so sshd would not start and no case can run")
          .withHint("fix the errors reported for " + subject.fence()));
      return new TestReport(results, problems);
    }
    List<String> lines = tests.lines();
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1);
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int arrow = line.indexOf("=>");
      if (arrow < 0) {
        problems.add(Diagnostic.error(tests.at(n, 1), RULE, "test case without '=>': " + trimmed)
            .withHint("write CONNECTION => keyword value, keyword value"));
        continue;
      }
      ConnectionSpec.Parsed spec = ConnectionSpec.parse(line.substring(0, arrow));
      if (spec.spec() == null) {
        problems.add(Diagnostic.error(tests.at(n, 1), RULE, spec.error()));
        continue;
      }
      List<String[]> expectations = new ArrayList<>();
      String bad = null;
      for (String pair : line.substring(arrow + 2).split(",")) {
        String p = pair.strip();
        int space = p.indexOf(' ');
        if (space <= 0) {
          bad = p;
          break;
        }
        expectations.add(new String[] {p.substring(0, space).toLowerCase(Locale.ROOT), p.substring(space + 1).strip()});
      }
      if (bad != null || expectations.isEmpty()) {
        problems.add(Diagnostic.error(tests.at(n, arrow + 3), RULE,
            "expectation '" + (bad == null ? "" : bad) + "' is not 'keyword value'")
            .withHint("separate pairs with commas: forcecommand internal-sftp, x11forwarding no"));
        continue;
      }
      EffectiveConfigBuilder.Result result = EffectiveConfigBuilder.build(parsed.config(), spec.spec());
      if (result.config() == null) {
        results.add(TestResult.fail(tests.at(n, 1), trimmed, "sshd -T would stop: " + result.error()));
        continue;
      }
      List<String> failures = new ArrayList<>();
      for (String[] e : expectations) {
        List<String> actual = result.config().values(e[0]);
        if (actual.isEmpty()) {
          failures.add(e[0] + ": expected '" + e[1] + "' but sshd -T prints no such keyword");
        } else if (actual.stream().noneMatch(a -> a.equals(e[1]) || expand(a, spec.spec()).equals(e[1]))) {
          failures.add(e[0] + ": expected '" + e[1] + "' but got '" + String.join("' / '", actual) + "'");
        }
      }
      if (failures.isEmpty()) {
        results.add(TestResult.pass(tests.at(n, 1), trimmed));
      } else {
        List<MatchBlock> hit = EffectiveConfigBuilder.matchingBlocks(parsed.config(), spec.spec());
        String why = hit.isEmpty() ? "no Match block applies"
            : "Match blocks applied: " + String.join("; ", hit.stream()
                .map(b -> "line " + b.line() + " (" + b.describe() + ")").toList());
        results.add(TestResult.fail(tests.at(n, 1), trimmed, String.join("; ", failures) + " (" + why + ")"));
      }
    }
    return new TestReport(results, problems);
  }

  /** sshd's session-time expansion of %% and %u (misc.c percent_expand), where the user is known. */
  static String expand(String value, ConnectionSpec spec) {
    if (value.indexOf('%') < 0 || spec.user() == null) {
      return value;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 1 < value.length()) {
        char t = value.charAt(i + 1);
        if (t == '%') {
          b.append('%');
          i++;
          continue;
        }
        if (t == 'u') {
          b.append(spec.user());
          i++;
          continue;
        }
      }
      b.append(c);
    }
    return b.toString();
  }
}
