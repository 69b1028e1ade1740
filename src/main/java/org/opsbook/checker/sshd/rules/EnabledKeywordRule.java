package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;

/**
 * Base for rules that flag a yes/no keyword set to {@code yes}. Subclasses pass only what differs:
 * the keyword, their rule, the message and the fix.
 */
abstract class EnabledKeywordRule extends KeywordValueRule {
  private final RuleInfo info;
  private final String message;
  private final String hint;

  EnabledKeywordRule(String canonicalLowerKeyword, RuleInfo info, String message, String hint) {
    super(canonicalLowerKeyword);
    this.info = info;
    this.message = message;
    this.hint = hint;
  }

  @Override
  public final RuleInfo info() {
    return info;
  }

  @Override
  final boolean isRisky(String value) {
    return value.equals("yes");
  }

  @Override
  final String message(Directive d) {
    return message + (d.isInMatch() ? " (inside a Match block)" : "");
  }

  @Override
  final String hint() {
    return hint;
  }
}
