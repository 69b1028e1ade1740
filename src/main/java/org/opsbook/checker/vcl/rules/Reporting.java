package org.opsbook.checker.vcl.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.vcl.model.Pos;

/** Places a finding at a position of the snippet or of a file it includes. */
final class Reporting {
  private Reporting() {}

  /** Reports at {@code pos} when it is in the author's text; otherwise not at all. */
  static void at(Findings findings, RuleInfo rule, Pos pos, String message, String hint) {
    if (pos == null || !pos.isAuthors()) {
      return;
    }
    if (pos.snippet() == findings.snippet()) {
      findings.report(rule, pos.line(), pos.column(), message, hint);
    } else {
      findings.reportAt(rule, pos.snippet().at(pos.line(), pos.column()), message, hint);
    }
  }
}
