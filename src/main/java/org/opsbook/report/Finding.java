package org.opsbook.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.TestResult;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;
import org.opsbook.diag.SourceSpan;

/**
 * One line of a CI report: a diagnostic, or a failed test case turned into one under the rule
 * {@value #TEST_FAILED}, so that annotation formats show failing tests where they are written.
 */
record Finding(SourceSpan where, RuleId rule, Severity severity, String message, String hint)
    implements Comparable<Finding> {
  static final String TEST_FAILED = "opsbook.test-failed";

  /**
   * The report's diagnostics plus one error per failed test case, sorted. A failed case that the
   * pipeline already reported as an {@value #TEST_FAILED} diagnostic at the same place is not
   * repeated.
   */
  static List<Finding> of(Report report) {
    List<Finding> all = new ArrayList<>();
    Set<SourceSpan> reportedFailures = new HashSet<>();
    for (Diagnostic d : report.diagnostics()) {
      all.add(new Finding(d.where(), d.rule(), d.severity(), d.message(), d.hint()));
      if (d.rule().value().equals(TEST_FAILED)) {
        reportedFailures.add(d.where());
      }
    }
    for (TestBlockRecord block : report.tests()) {
      for (TestResult result : block.results()) {
        if (!result.passed() && !reportedFailures.contains(result.where())) {
          String message = "test failed for snippet '" + block.forId() + "': " + result.description();
          String detail = result.message().isBlank() ? null : result.message();
          all.add(new Finding(result.where(), RuleId.of(TEST_FAILED), Severity.ERROR, message, detail));
        }
      }
    }
    all.sort(null);
    return List.copyOf(all);
  }

  /** A descriptor for a rule that no checker declared, built from what the finding says. */
  static RuleInfo describe(RuleId rule, Severity severity) {
    if (rule.value().equals(TEST_FAILED)) {
      return RuleInfo.of(
          TEST_FAILED,
          Severity.ERROR,
          "A test case in a test block failed",
          "A `test` block's case asked the checker's executable model a question about the snippet"
              + " named by `for=`, and the model's answer differed from the expected one.\n\n"
              + "Read the failure message: it shows what the case expected and what the model"
              + " produced. Fix the snippet if it does not do what the article claims, or fix the"
              + " test case if the claim was wrong.");
    }
    return RuleInfo.of(rule.value(), severity, rule.value(), "Run `opsbook explain " + rule.value() + "`.");
  }

  @Override
  public int compareTo(Finding other) {
    int byPlace = where.compareTo(other.where);
    if (byPlace != 0) {
      return byPlace;
    }
    int byRule = rule.compareTo(other.rule);
    return byRule != 0 ? byRule : message.compareTo(other.message);
  }
}
