package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** PermitUserEnvironment lets users set environment variables for sshd. */
public final class PermitUserEnvironmentRule extends KeywordValueRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.permit-user-environment", Severity.WARNING,
      "PermitUserEnvironment lets users set environment variables for sshd",
      """
With user environments enabled, sshd reads `~/.ssh/environment` and `environment=` options in
authorized_keys before starting the session. Variables such as `LD_PRELOAD` then run code in
programs a `ForceCommand` or restricted key was supposed to confine.

**What sshd does.** `no` is the default. `yes` accepts every variable; a pattern list (OpenSSH 7.8
and later) accepts only matching names.

**Fix.** Write `PermitUserEnvironment no`, or list only harmless names such as `LANG,LC_*`.

**Source.** sshd_config(5); CIS benchmarks, "Ensure SSH PermitUserEnvironment is disabled".
      """);

  public PermitUserEnvironmentRule() {
    super("permituserenvironment");
  }

  @Override
  public RuleInfo info() {
    return INFO;
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
