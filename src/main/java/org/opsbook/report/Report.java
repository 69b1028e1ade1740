package org.opsbook.report;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * Everything a run found, ready to be written in any format.
 *
 * @param diagnostics every diagnostic that counts, sorted
 * @param snippets every snippet seen, in source order
 * @param tests every test block run, in source order
 * @param rules the rules that the run's checkers know, for formats that describe them (SARIF)
 */
public record Report(
    List<Diagnostic> diagnostics, List<SnippetRecord> snippets, List<TestBlockRecord> tests, List<RuleInfo> rules) {

  public Report {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(null);
    diagnostics = List.copyOf(sorted);
    snippets = List.copyOf(snippets);
    tests = List.copyOf(tests);
    rules = List.copyOf(rules);
  }

  // Plain loops: the preview server asks these of every rebuild of a large site.

  public long count(Severity severity) {
    long n = 0;
    for (Diagnostic d : diagnostics) {
      if (d.severity() == severity) {
        n++;
      }
    }
    return n;
  }

  public long testsPassed() {
    return tests(true);
  }

  public long testsFailed() {
    return tests(false);
  }

  /** How many snippets a checker read. */
  public long checkedSnippets() {
    long n = 0;
    for (SnippetRecord s : snippets) {
      if (s.checked()) {
        n++;
      }
    }
    return n;
  }

  private long tests(boolean passed) {
    long n = 0;
    for (TestBlockRecord t : tests) {
      for (org.opsbook.check.TestResult r : t.results()) {
        if (r.passed() == passed) {
          n++;
        }
      }
    }
    return n;
  }
}
