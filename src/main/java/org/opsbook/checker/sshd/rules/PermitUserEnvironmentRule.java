package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** PermitUserEnvironment lets users set environment variables for sshd. */
public final class PermitUserEnvironmentRule extends KeywordValueRule {

  public PermitUserEnvironmentRule() {
    super("permituserenvironment");
  }

  @Override
  public RuleInfo info() {
    return SshdRules.PERMIT_USER_ENVIRONMENT;
  }

  @Override
  boolean isRisky(String value) {
    return !value.equals("no");
  }

  @Override
  String message(Directive d) {
    return "PermitUserEnvironment " + d.firstValue() + " lets users pass variables such as LD_PRELOAD through ~/.ssh/environment, which can bypass ForceCommand and other restrictions";
  }

  @Override
  String hint() {
    return "set PermitUserEnvironment no (the default)";
  }

  @Override
  boolean checksMatchBlocks() {
    return false;
  }
}
