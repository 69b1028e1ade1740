package org.opsbook.checker.authkeys.model;

import java.util.Objects;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** A finding in snippet coordinates; the checker maps it to the Markdown file. */
public record Finding(int line, int column, RuleId rule, Severity severity, String message, String hint) {
  public Finding {
    Objects.requireNonNull(rule);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(message);
  }
}
