package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** MaxAuthTries allows many attempts per connection. */
public final class MaxAuthTriesRule extends KeywordValueRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.max-auth-tries", Severity.WARNING,
      "MaxAuthTries allows many attempts per connection",
      """
Each connection may make `MaxAuthTries` authentication attempts; after half of them fail, sshd
starts logging the failures. A high limit lets a guesser try many passwords per TCP connection.

**What sshd does.** The default is 6. Every offered public key counts as an attempt, so clients
that try many agent keys can hit a low limit: they should name the right key with
`IdentitiesOnly yes` and `IdentityFile`.

**Fix.** Write `MaxAuthTries 4` or lower.

**Source.** sshd_config(5); CIS benchmarks, "Ensure SSH MaxAuthTries is set to 4 or less".
      """);

  public MaxAuthTriesRule() {
    super("maxauthtries");
  }

  @Override
  public RuleInfo info() {
    return INFO;
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
