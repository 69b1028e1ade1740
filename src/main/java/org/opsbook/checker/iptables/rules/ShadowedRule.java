package org.opsbook.checker.iptables.rules;

import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.Replay;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.model.RuleFormatter;

/** A rule no packet reaches, because an earlier rule in the chain already decides every packet it matches. */
public final class ShadowedRule implements org.opsbook.check.Rule<Replay> {

  @Override
  public RuleInfo info() {
    return IptablesRules.SHADOWED_RULE;
  }

  /**
   * How many rule pairs one chain may compare before the check stops and says so. The index leaves
   * few candidates per rule in real rule sets; only thousands of rules of one shape that differ in
   * a criterion the index does not file by come near it.
   */
  public static final int MAX_COMPARISONS_PER_CHAIN = 2_000_000;

  private final int maxComparisons;

  public ShadowedRule() {
    this(MAX_COMPARISONS_PER_CHAIN);
  }

  /** A check that stops after {@code maxComparisons} rule pairs per chain. */
  public ShadowedRule(int maxComparisons) {
    this.maxComparisons = maxComparisons;
  }

  @Override
  public List<RuleInfo> reports() {
    return List.of(IptablesRules.SHADOWED_RULE, IptablesRules.SHADOW_CHECK_CAPPED);
  }

  @Override
  public void check(Replay input, Findings out) {
    input.ruleset().tables().forEach((table, chains) -> {
      for (Chain chain : chains.values()) {
        checkChain(input, chain, out, maxComparisons);
      }
    });
  }

  private static void checkChain(Replay input, Chain chain, Findings out, int maxComparisons) {
    List<Rule> rules = chain.rules();
    CoverIndex index = new CoverIndex();
    long comparisons = 0;
    for (int j = 0; j < rules.size(); j++) {
      Rule later = rules.get(j);
      if (j > 0 && input.isOwn(later)) {
        List<Integer> candidates = index.candidates(later);
        candidates.sort(null);
        for (int i : candidates) {
          if (++comparisons > maxComparisons) {
            out.report(IptablesRules.SHADOW_CHECK_CAPPED, later.line(), 1,
                "the shadowed-rule check of " + chain.name() + " stopped here after " + maxComparisons
                    + " rule comparisons; this rule and the " + (rules.size() - j - 1) + " after it were not checked",
                "split the chain into user chains (per service or network) to keep each one short");
            return;
          }
          Rule earlier = rules.get(i);
          if (!RuleCoverage.covers(earlier, later)) {
            continue;
          }
          if (!(RuleCoverage.matchesEverything(earlier) && earlier.targetName().equals("ACCEPT"))) {
            // an accept-everything rule is reported once, on itself, by AcceptAllFirst
            out.report(IptablesRules.SHADOWED_RULE, later.line(), 1,
                "rule is never reached: the rule on line " + earlier.fileLine() + " (-A " + chain.name() + " " + RuleFormatter.spec(earlier)
                    + ") already " + verb(earlier) + " every packet it matches",
                "move this rule above line " + earlier.fileLine() + ", or delete it");
          }
          break;
        }
      }
      if (RuleCoverage.isTerminating(later) && later.matches().stream().noneMatch(m -> RuleCoverage.STATEFUL.contains(m.module()))) {
        index.add(later, j);
      }
    }
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
