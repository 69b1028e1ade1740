package org.opsbook.report;

import java.util.Optional;

/**
 * Decides whether a run's findings fail it, from {@code --werror}, {@code --max-warnings N} and
 * {@code --report-only}. Errors and failed tests always count; warnings count with {@code
 * --werror} or past the warning budget; notes never do. {@code --report-only} reports everything
 * and fails nothing, for adopting opsbook on a site that is not yet clean.
 *
 * @param warningsAreErrors {@code --werror}
 * @param maxWarnings {@code --max-warnings N}: more than N warnings fail; negative means no budget
 * @param reportOnly {@code --report-only}
 */
public record ExitPolicy(boolean warningsAreErrors, int maxWarnings, boolean reportOnly) {

  /** Errors and failed tests fail; warnings do not. */
  public static final ExitPolicy DEFAULT = new ExitPolicy(false, -1, false);

  /** The outcome: whether the run fails, and why, in one line for the end of the output. */
  public record Verdict(boolean fails, Optional<String> reason) {}

  public Verdict judge(Report report) {
    long errors = report.count(org.opsbook.diag.Severity.ERROR);
    long failedTests = report.testsFailed();
    long warnings = report.count(org.opsbook.diag.Severity.WARNING);
    String reason = null;
    if (errors > 0 || failedTests > 0) {
      reason = "errors or failed tests";
    } else if (warningsAreErrors && warnings > 0) {
      reason = "warnings count as errors (--werror)";
    } else if (maxWarnings >= 0 && warnings > maxWarnings) {
      reason = warnings + " warnings exceed --max-warnings " + maxWarnings;
    }
    if (reason == null) {
      return new Verdict(false, Optional.empty());
    }
    if (reportOnly) {
      return new Verdict(false, Optional.of("would fail (" + reason + "), but --report-only is set"));
    }
    return new Verdict(true, Optional.of("failed: " + reason));
  }
}
