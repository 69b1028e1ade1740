package org.opsbook.checker.iptables.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.syntax.Findings;

/** One lint rule: a stateless check over a parsed rule set. */
public interface LintRule {
  RuleInfo info();

  void check(LintInput input, Findings out);
}
