package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Diagnostic;

/** One check over a parsed sshd_config. Implementations are stateless. */
public interface SshdRule {
  RuleInfo info();

  /** Adds this rule's findings to {@code out}; reports through {@link RuleInput#report}. */
  void check(RuleInput input, List<Diagnostic> out);
}
