package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** MaxAuthTries allows many attempts per connection. */
public final class MaxAuthTriesRule extends KeywordValueRule {

  public MaxAuthTriesRule() {
    super("maxauthtries");
  }

  @Override
  public RuleInfo info() {
    return SshdRules.MAX_AUTH_TRIES;
  }

  @Override
  boolean isRisky(String value) {
    return isHigh(value);
  }

  private static boolean isHigh(String value) {
    try {
      return Long.parseLong(value.strip()) > 4;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String where(Directive d) {
    return d.isInMatch() ? " (inside a Match block)" : "";
  }

  @Override
  String message(Directive d) {
    return "MaxAuthTries " + d.firstValue() + " lets one connection try that many passwords or keys" + where(d);
  }

  @Override
  String hint() {
    return "set MaxAuthTries 4 or lower (3 is common); users with many keys should use IdentitiesOnly on the client";
  }
}
