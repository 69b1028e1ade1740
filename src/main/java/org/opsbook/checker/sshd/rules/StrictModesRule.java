package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** StrictModes no accepts world-writable key files. */
public final class StrictModesRule extends KeywordValueRule {

  public StrictModesRule() {
    super("strictmodes");
  }

  @Override
  public RuleInfo info() {
    return SshdRules.STRICT_MODES;
  }

  @Override
  boolean isRisky(String value) {
    return value.equals("no");
  }

  @Override
  String message(Directive d) {
    return "StrictModes no makes sshd accept authorized_keys files and home directories that other users can write";
  }

  @Override
  String hint() {
    return "set StrictModes yes (the default) and fix the permissions instead";
  }

  @Override
  boolean checksMatchBlocks() {
    return false;
  }
}
