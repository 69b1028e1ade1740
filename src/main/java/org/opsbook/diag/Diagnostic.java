package org.opsbook.diag;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding: where it is, which rule found it, how serious it is, what is wrong and, when the
 * rule knows, what to do about it. Diagnostics are values; they sort by position, then rule ID.
 *
 * @param hint what to do, or {@code null} when the message already says it
 */
public record Diagnostic(SourceSpan where, RuleId rule, Severity severity, String message, String hint)
    implements Comparable<Diagnostic> {
  public Diagnostic {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (hint != null && hint.isBlank()) {
      hint = null;
    }
  }

  public static Diagnostic error(SourceSpan where, String rule, String message) {
    return new Diagnostic(where, RuleId.of(rule), Severity.ERROR, message, null);
  }

  public static Diagnostic warning(SourceSpan where, String rule, String message) {
    return new Diagnostic(where, RuleId.of(rule), Severity.WARNING, message, null);
  }

  public static Diagnostic info(SourceSpan where, String rule, String message) {
    return new Diagnostic(where, RuleId.of(rule), Severity.INFO, message, null);
  }

  public Optional<String> hintText() {
    return Optional.ofNullable(hint);
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(where, rule, severity, message, newHint);
  }

  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(where, rule, newSeverity, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public int compareTo(Diagnostic other) {
    // By position, rule, severity and message; written out, as reports sort many of these.
    int c = where.compareTo(other.where);
    if (c == 0) {
      c = rule.compareTo(other.rule);
    }
    if (c == 0) {
      c = severity.compareTo(other.severity);
    }
    if (c == 0 && message != other.message) {
      c = message.compareTo(other.message);
    }
    return c;
  }

  /** {@code path:line:col: severity: message [rule]}, the compiler-style line. */
  @Override
  public String toString() {
    return where + ": " + severity.label() + ": " + message + " [" + rule + "]";
  }
}
