package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** LogLevel hides authentication events. */
public final class LogLevelRule extends KeywordValueRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.log-level", Severity.WARNING,
      "LogLevel hides authentication events",
      """
Incident response needs to know who logged in, from where and with which key.

**What sshd does.** At `INFO` sshd logs accepted and failed logins; `VERBOSE` adds the fingerprint
of the key used. `ERROR`, `FATAL` and `QUIET` drop those lines. The `DEBUG` levels log so much that
they can reveal private information and should not stay on.

**Fix.** Write `LogLevel VERBOSE` (Mozilla's recommendation) or `INFO`.

**Source.** sshd_config(5); Mozilla's OpenSSH guidelines.
      """);

  public LogLevelRule() {
    super("loglevel");
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  boolean isRisky(String value) {
    return value.equals("quiet") || value.equals("fatal") || value.equals("error");
  }

  private static String where(Directive d) {
    return d.isInMatch() ? " (inside a Match block)" : "";
  }

  @Override
  String message(Directive d) {
    return "LogLevel " + d.firstValue() + " drops the INFO messages that record logins and failed attempts" + where(d);
  }

  @Override
  String hint() {
    return "use LogLevel INFO (the default) or VERBOSE, which also logs key fingerprints";
  }
}
