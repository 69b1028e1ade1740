package org.opsbook.checker.postfix.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.postfix.model.IfRule;
import org.opsbook.checker.postfix.model.MatchRule;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableRule;
import org.opsbook.checker.postfix.model.TableUse;

/**
 * postfix.never-matching: patterns that are valid but cannot match the input Postfix gives them.
 * (The glibc escaped-letter case is found while translating; see PosixTranslator.)
 */
public final class NeverMatchingLint implements Rule<Table> {
  @Override
  public RuleInfo info() {
    return PostfixRules.NEVER_MATCHING;
  }

  @Override
  public void check(Table table, Findings out) {
    for (TableRule rule : table.rules()) {
      RegexSpec spec = rule instanceof MatchRule m ? m.first() : rule instanceof IfRule f ? f.pattern() : null;
      if (spec == null || spec.negated()) {
        continue;
      }
      String b = spec.body();
      if (!spec.toggles('m') && !spec.toggles('x')) {
        int d = dollarFollowedByText(b);
        if (d >= 0) {
          out.report(PostfixRules.NEVER_MATCHING, spec.map().line(d), spec.map().column(d),
              "$ anchors at the end of the input, so the text after it can never match",
              "escape it as \\$ for a literal dollar sign, or move it to the end");
          continue;
        }
      }
      if (table.use() == TableUse.HEADER && b.length() > 1 && b.charAt(0) == '^' && (b.charAt(1) == ' '
          || b.charAt(1) == '\t' || b.charAt(1) == ':')) {
        out.report(PostfixRules.NEVER_MATCHING, spec.map().line(1), spec.map().column(1),
            "a logical header starts with its name, never with whitespace or a colon",
            "remove the character after ^; continuation lines are inside the header, after a newline");
      }
    }
  }

  /** Offset of an unescaped $ outside brackets followed by a letter or digit, or -1. */
  private static int dollarFollowedByText(String b) {
    boolean inClass = false;
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[' && !inClass) {
        inClass = true;
        if (i + 1 < b.length() && b.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < b.length() && b.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == ']' && inClass) {
        inClass = false;
      } else if (c == '$' && !inClass && i + 1 < b.length() && Character.isLetterOrDigit(b.charAt(i + 1))) {
        return i;
      }
    }
    return -1;
  }
}
