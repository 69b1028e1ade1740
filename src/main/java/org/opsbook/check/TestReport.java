package org.opsbook.check;

import java.util.List;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * What running a {@code test} block produced: one result per case, plus diagnostics for cases
 * that could not be read (positioned in the test block).
 */
public record TestReport(List<TestResult> results, List<Diagnostic> diagnostics) {
  public TestReport {
    results = List.copyOf(results);
    diagnostics = List.copyOf(diagnostics);
  }

  /** The answer of a checker whose language has no executable model. */
  public static TestReport unsupported(String checkerId, Snippet tests) {
    Diagnostic d =
        new Diagnostic(
            tests.fence(),
            CoreRules.TEST_UNSUPPORTED,
            Severity.ERROR,
            "checker '" + checkerId + "' has no executable model, so it cannot run test blocks",
            "remove the test block, or point for= at a snippet of a language that supports tests");
    return new TestReport(List.of(), List.of(d));
  }

  public long passedCount() {
    return results.stream().filter(TestResult::passed).count();
  }

  public long failedCount() {
    return results.size() - passedCount();
  }
}
