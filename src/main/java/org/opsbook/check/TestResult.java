package org.opsbook.check;

import java.util.Objects;
import org.opsbook.diag.SourceSpan;

/**
 * The outcome of one test case in a {@code test} block.
 *
 * @param where the first line of the test case in the Markdown file
 * @param description the case as written, shortened to one line for reports
 * @param passed whether the model produced what the case expects
 * @param message for a failure: what was expected and what the model produced, with enough of
 *     the trace to see why; for a pass, a short summary (may be empty)
 */
public record TestResult(SourceSpan where, String description, boolean passed, String message) {
  public TestResult {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(message, "message");
  }

  public static TestResult pass(SourceSpan where, String description) {
    return new TestResult(where, description, true, "");
  }

  public static TestResult fail(SourceSpan where, String description, String message) {
    return new TestResult(where, description, false, message);
  }
}
