package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** IgnoreRhosts no makes sshd read users' .rhosts files. */
public final class IgnoreRhostsRule extends KeywordValueRule {

  public IgnoreRhostsRule() {
    super("ignorerhosts");
  }

  @Override
  public RuleInfo info() {
    return SshdRules.IGNORE_RHOSTS;
  }

  @Override
  boolean isRisky(String value) {
    return value.equals("no");
  }

  private static String where(Directive d) {
    return d.isInMatch() ? " (inside a Match block)" : "";
  }

  @Override
  String message(Directive d) {
    return "IgnoreRhosts no makes host-based authentication honour users' own .rhosts and .shosts files" + where(d);
  }

  @Override
  String hint() {
    return "set IgnoreRhosts yes (the default)";
  }
}
