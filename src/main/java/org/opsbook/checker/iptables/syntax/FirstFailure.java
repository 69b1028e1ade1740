package org.opsbook.checker.iptables.syntax;

import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Word;

/**
 * Reports the first reason a command is refused and ignores the rest, as iptables stops at its
 * first error. One per command; not thread-safe.
 */
final class FirstFailure {
  private final Findings out;
  private boolean failed;

  FirstFailure(Findings out) {
    this.out = out;
  }

  void fail(RuleInfo rule, Word at, String message, String hint) {
    if (failed) {
      return;
    }
    failed = true;
    IptablesRules.reportAt(out, rule, at, message, hint);
  }

  boolean failed() {
    return failed;
  }
}
