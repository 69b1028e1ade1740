package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** PermitEmptyPasswords lets accounts with no password log in. */
public final class PermitEmptyPasswordsRule extends EnabledKeywordRule {

  public PermitEmptyPasswordsRule() {
    super(
        "permitemptypasswords",
        SshdRules.PERMIT_EMPTY_PASSWORDS,
        "PermitEmptyPasswords yes lets any account whose password field is empty log in without a secret",
        "set PermitEmptyPasswords no (the default), or delete the line");
  }
}
