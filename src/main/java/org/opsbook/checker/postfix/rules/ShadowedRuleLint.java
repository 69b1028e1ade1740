package org.opsbook.checker.postfix.rules;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.postfix.model.EndifRule;
import org.opsbook.checker.postfix.model.Finding;
import org.opsbook.checker.postfix.model.IfRule;
import org.opsbook.checker.postfix.model.MatchRule;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableRule;
import org.opsbook.checker.postfix.model.TableUse;

/**
 * postfix.shadowed-rule: a rule that an earlier, unconditional rule always pre-empts. Only
 * provable cases are reported: a duplicate pattern, a match-everything pattern, or an earlier
 * pattern that is nothing but an anchored literal prefix of this one.
 */
public final class ShadowedRuleLint implements TableLint {
  @Override
  public List<Finding> check(Table table, TableUse use) {
    List<Finding> out = new ArrayList<>();
    List<MatchRule> earlier = new ArrayList<>();
    int depth = 0;
    for (TableRule rule : table.rules()) {
      if (rule instanceof IfRule) {
        depth++;
        continue;
      }
      if (rule instanceof EndifRule) {
        depth--;
        continue;
      }
      MatchRule m = (MatchRule) rule;
      if (depth > 0 || m.second() != null) {
        continue;
      }
      for (MatchRule a : earlier) {
        String why = shadowReason(a, m, table);
        if (why != null) {
          out.add(Finding.warning("postfix.shadowed-rule", m.first().line(), m.first().column(),
              "this rule never decides anything: " + why + " (line " + a.line() + ") matches first",
              "move this rule above line " + a.line() + ", or delete it"));
          break;
        }
      }
      earlier.add(m);
    }
    return out;
  }

  private static String shadowReason(MatchRule a, MatchRule b, Table table) {
    RegexSpec pa = a.first();
    RegexSpec pb = b.first();
    if (pa.negated() || a.second() != null) {
      return null;
    }
    if (pa.body().equals(pb.body()) && pa.flags().equals(pb.flags()) && !pb.negated()) {
      return "the same pattern";
    }
    String body = pa.body();
    if (body.isEmpty() || body.equals("^") || (body.equals(".*") || body.equals("^.*"))) {
      return "the match-everything pattern " + pa.delimiter() + body + pa.delimiter();
    }
    AnchoredPrefix ap = AnchoredPrefix.of(pa, table.kind());
    AnchoredPrefix bp = AnchoredPrefix.of(pb, table.kind());
    if (ap == null || bp == null || !ap.whole() || pb.negated()) {
      return null;
    }
    if (!ap.caseless() && bp.caseless()) {
      return null;
    }
    String btext = ap.caseless() && !bp.caseless() ? bp.text().toLowerCase(java.util.Locale.ROOT) : bp.text();
    if (btext.startsWith(ap.text())) {
      return "every input this rule matches starts with \"" + ap.text() + "\", which the earlier rule";
    }
    return null;
  }
}
