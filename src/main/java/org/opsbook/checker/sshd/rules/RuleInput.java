package org.opsbook.checker.sshd.rules;

import java.util.List;
import java.util.Objects;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.checker.sshd.effective.EffectiveConfig;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.checker.sshd.model.SshdConfig;
import org.opsbook.diag.Diagnostic;

/**
 * What a rule sees: the snippet (for positions), the parsed configuration and the global effective
 * configuration (defaults filled in, as {@code sshd -T} without a connection prints it).
 */
public record RuleInput(Snippet snippet, SshdConfig config, EffectiveConfig global) {
  public RuleInput {
    Objects.requireNonNull(snippet, "snippet");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(global, "global");
  }

  /** A finding at a snippet line and column, at the rule's default severity. */
  public Diagnostic report(RuleInfo rule, int line, int column, String message, String hint) {
    return new Diagnostic(snippet.at(line, Math.max(1, column)), rule.id(), rule.severity(), message, hint);
  }

  /** A finding on a directive's argument {@code arg} (its keyword when the argument is missing). */
  public Diagnostic report(RuleInfo rule, Directive d, int arg, String message, String hint) {
    return report(rule, d.line(), arg < 0 ? d.keywordColumn() : d.argColumn(arg), message, hint);
  }

  /** The single value sshd -T prints for a keyword, or the empty string. */
  public String effective(String keyword) {
    List<String> v = global.values(keyword);
    return v.isEmpty() ? "" : v.get(0);
  }
}
