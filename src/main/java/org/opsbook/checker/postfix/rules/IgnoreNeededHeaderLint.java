package org.opsbook.checker.postfix.rules;

import java.util.List;
import java.util.Locale;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.postfix.model.MatchRule;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableRule;
import org.opsbook.checker.postfix.model.TableUse;

/** postfix.ignore-needed-header: IGNORE or STRIP of a header that readers of the mail need. */
public final class IgnoreNeededHeaderLint implements Rule<Table> {
  // RFC 5322 3.6: From and Date are required; RFC 2045: the MIME headers describe the body.
  private static final List<String> NEEDED =
      List.of("from:", "date:", "mime-version:", "content-type:", "content-transfer-encoding:");

  @Override
  public RuleInfo info() {
    return PostfixRules.IGNORE_NEEDED_HEADER;
  }

  @Override
  public void check(Table table, Findings out) {
    if (table.use() != TableUse.HEADER) {
      return;
    }
    for (TableRule rule : table.rules()) {
      if (!(rule instanceof MatchRule m) || m.first().negated()) {
        continue;
      }
      String word = ActionWords.word(m.result()).toUpperCase(Locale.ROOT);
      if (!word.equals("IGNORE") && !word.equals("STRIP")) {
        continue;
      }
      AnchoredPrefix p = AnchoredPrefix.of(m.first(), table.kind());
      if (p == null || p.text().length() < 4) {
        continue;
      }
      String prefix = p.text().toLowerCase(Locale.ROOT);
      for (String needed : NEEDED) {
        if (needed.startsWith(prefix) || prefix.startsWith(needed)) {
          String name = needed.substring(0, needed.length() - 1);
          out.report(PostfixRules.IGNORE_NEEDED_HEADER, m.first().line(), m.first().column(),
              word + " deletes the " + name + " header, which mail clients need to show the message",
              "rewrite the header with REPLACE instead of deleting it");
          break;
        }
      }
    }
  }
}
