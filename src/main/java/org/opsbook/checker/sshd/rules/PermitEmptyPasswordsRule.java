package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** PermitEmptyPasswords lets accounts with no password log in. */
public final class PermitEmptyPasswordsRule extends EnabledKeywordRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.permit-empty-passwords", Severity.WARNING,
      "PermitEmptyPasswords lets accounts with no password log in",
      """
An account with an empty password field becomes reachable by anyone who knows its name.

**What sshd does.** By default (`no`) sshd refuses password authentication for accounts whose
password is empty. `yes` removes that safeguard.

**Fix.** Delete the line or write `PermitEmptyPasswords no`, and lock accounts that have no
password (`passwd -l`).

**Source.** sshd_config(5); CIS benchmarks, "Ensure SSH PermitEmptyPasswords is disabled".
      """);

  public PermitEmptyPasswordsRule() {
    super(
        "permitemptypasswords",
        INFO,
        "PermitEmptyPasswords yes lets any account whose password field is empty log in without a secret",
        "set PermitEmptyPasswords no (the default), or delete the line");
  }
}
