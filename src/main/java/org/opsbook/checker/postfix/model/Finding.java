package org.opsbook.checker.postfix.model;

import java.util.Objects;
import org.opsbook.diag.Severity;

/**
 * A problem found in a table, positioned in the snippet (1-based line and column); the checker
 * turns it into a {@code Diagnostic} through {@code Snippet.at}.
 *
 * @param hint what to do, or {@code null}
 */
public record Finding(String rule, Severity severity, int line, int column, String message, String hint) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Finding error(String rule, int line, int column, String message, String hint) {
    return new Finding(rule, Severity.ERROR, line, column, message, hint);
  }

  public static Finding warning(String rule, int line, int column, String message, String hint) {
    return new Finding(rule, Severity.WARNING, line, column, message, hint);
  }
}
