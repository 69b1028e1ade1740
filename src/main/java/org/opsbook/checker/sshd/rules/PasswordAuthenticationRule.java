package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** PasswordAuthentication is turned on. */
public final class PasswordAuthenticationRule extends EnabledKeywordRule {

  public PasswordAuthenticationRule() {
    super(
        "passwordauthentication",
        SshdRules.PASSWORD_AUTHENTICATION,
        "PasswordAuthentication yes accepts passwords, which can be guessed, phished and reused",
        "set PasswordAuthentication no and KbdInteractiveAuthentication no once every user has a key");
  }

  @Override
  boolean checksMatchBlocks() {
    return false;
  }
}
