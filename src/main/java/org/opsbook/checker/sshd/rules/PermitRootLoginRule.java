package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** PermitRootLogin allows root to log in with a password. */
public final class PermitRootLoginRule extends EnabledKeywordRule {

  public PermitRootLoginRule() {
    super(
        "permitrootlogin",
        SshdRules.PERMIT_ROOT_LOGIN,
        "PermitRootLogin yes lets root log in with any method, passwords included",
        "set PermitRootLogin no (or prohibit-password if root must log in with a key)");
  }
}
