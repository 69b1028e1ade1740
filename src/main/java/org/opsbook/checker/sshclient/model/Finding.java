package org.opsbook.checker.sshclient.model;

import java.util.Objects;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/**
 * A finding positioned in snippet coordinates; the checker maps it to the Markdown file.
 *
 * @param hint what to do, or {@code null}
 */
public record Finding(int line, int column, RuleId rule, Severity severity, String message, String hint) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }
}
