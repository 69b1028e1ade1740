package org.opsbook.checker.iptables.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.model.RuleFormatter;
import org.opsbook.checker.iptables.syntax.Findings;
import org.opsbook.diag.Severity;

/** A rule no packet reaches, because an earlier rule in the chain already decides every packet it matches. */
public final class ShadowedRule implements LintRule {
  static final RuleInfo INFO = RuleInfo.of("iptables.shadowed-rule", Severity.WARNING,
      "Rule is unreachable: an earlier, broader rule in the same chain decides its packets first",
      """
      The kernel walks a chain from the top and stops at the first rule whose target ends the walk
      (ACCEPT, DROP, REJECT, RETURN, or a NAT target). When an earlier rule matches every packet a
      later rule matches (same or no protocol, a source or destination network that contains the
      later one, a port range that contains the later port, a superset of connection states), the
      later rule can never act. It is usually a leftover from editing, or a rule appended with -A
      where -I was meant.

      **Fix:** move the specific rule above the broad one, narrow the broad one, or delete the dead
      rule. Rules with rate or history matches (limit, recent, hashlimit, connlimit) are never
      treated as broad, since they do not match every packet.

      Source: iptables(8), "DESCRIPTION": rules are examined in order; a terminating target ends
      the traversal of the chain.
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintInput input, Findings out) {
    input.ruleset().tables().forEach((table, chains) -> {
      for (Chain chain : chains.values()) {
        List<Rule> rules = chain.rules();
        for (int j = 1; j < rules.size(); j++) {
          Rule later = rules.get(j);
          if (!input.isOwn(later)) {
            continue;
          }
          for (int i = 0; i < j; i++) {
            Rule earlier = rules.get(i);
            if (!RuleShapes.isTerminating(earlier) || !RuleShapes.covers(earlier, later)) {
              continue;
            }
            if (RuleShapes.matchesEverything(earlier) && earlier.targetName().equals("ACCEPT")) {
              break; // reported once, on the accept-all rule itself
            }
            out.report(INFO.id().value(), Severity.WARNING, later.line(), 1,
                "rule is never reached: the rule on line " + earlier.fileLine() + " (-A " + chain.name() + " " + RuleFormatter.spec(earlier)
                    + ") already " + verb(earlier) + " every packet it matches",
                "move this rule above line " + earlier.fileLine() + ", or delete it");
            break;
          }
        }
      }
    });
  }

  private static String verb(Rule r) {
    return switch (r.targetName()) {
      case "ACCEPT" -> "accepts";
      case "DROP" -> "drops";
      case "REJECT" -> "rejects";
      case "RETURN" -> "returns";
      default -> "handles";
    };
  }
}
