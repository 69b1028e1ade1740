package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** LogLevel hides authentication events. */
public final class LogLevelRule extends KeywordValueRule {

  public LogLevelRule() {
    super("loglevel");
  }

  @Override
  public RuleInfo info() {
    return SshdRules.LOG_LEVEL;
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
    return "LogLevel " + d.firstValue() + " drops the SshdRules.LOG_LEVEL messages that record logins and failed attempts" + where(d);
  }

  @Override
  String hint() {
    return "use LogLevel SshdRules.LOG_LEVEL (the default) or VERBOSE, which also logs key fingerprints";
  }
}
