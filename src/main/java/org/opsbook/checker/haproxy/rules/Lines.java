package org.opsbook.checker.haproxy.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.haproxy.model.Line;

/** Reports a lint finding at a word of a snippet line; lines of the checker's wrapper are skipped. */
final class Lines {
  private Lines() {}

  static void report(Findings findings, RuleInfo rule, Line line, int word, String message, String hint) {
    if (line.file() < 0) {
      return;
    }
    findings.report(rule, line.number(), line.column(word), message, hint);
  }
}
