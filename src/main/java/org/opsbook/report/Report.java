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

  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  public long testsPassed() {
    return tests.stream().flatMap(t -> t.results().stream()).filter(r -> r.passed()).count();
  }

  public long testsFailed() {
    return tests.stream().flatMap(t -> t.results().stream()).filter(r -> !r.passed()).count();
  }
}
