package org.opsbook.checker.postfix.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.postfix.model.EndifRule;
import org.opsbook.checker.postfix.model.IfRule;
import org.opsbook.checker.postfix.model.MatchRule;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableRule;
import org.opsbook.checker.postfix.model.UnsupportedRule;

/**
 * postfix.shadowed-rule: a rule that an earlier, unconditional rule always pre-empts. Only
 * provable cases are reported: a duplicate pattern, a match-everything pattern, or an earlier
 * pattern that is nothing but an anchored literal prefix of this one. Rules between {@code if} and
 * {@code endif} are left out (they run only for some inputs); rules after the {@code endif} are
 * unconditional again.
 */
public final class ShadowedRuleLint implements Rule<Table> {
  @Override
  public RuleInfo info() {
    return PostfixRules.SHADOWED_RULE;
  }

  @Override
  public void check(Table table, Findings out) {
    List<MatchRule> earlier = new ArrayList<>();
    Map<MatchRule, AnchoredPrefix> prefixes = new IdentityHashMap<>();
    int depth = 0;
    for (TableRule rule : table.rules()) {
      if (rule instanceof IfRule || rule instanceof UnsupportedRule u && u.opensIf()) {
        depth++;
        continue;
      }
      if (rule instanceof EndifRule) {
        depth--;
        continue;
      }
      if (!(rule instanceof MatchRule m) || depth > 0 || m.second() != null) {
        continue;
      }
      prefixes.put(m, AnchoredPrefix.of(m.first(), table.kind()));
      for (MatchRule a : earlier) {
        String why = shadowReason(a, m, prefixes.get(a), prefixes.get(m));
        if (why != null) {
          out.report(PostfixRules.SHADOWED_RULE, m.first().line(), m.first().column(),
              "this rule never decides anything: " + why + " (line " + a.line() + ") matches first",
              "move this rule above line " + a.line() + ", or delete it");
          break;
        }
      }
      earlier.add(m);
    }
  }

  private static String shadowReason(MatchRule a, MatchRule b, AnchoredPrefix ap, AnchoredPrefix bp) {
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
