package org.opsbook.checker.iptables.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.syntax.Findings;
import org.opsbook.diag.Severity;

/** An unconditional ACCEPT with rules after it in the same chain. */
public final class AcceptAllFirst implements LintRule {
  static final RuleInfo INFO = RuleInfo.of("iptables.accept-all-first", Severity.WARNING,
      "An ACCEPT-everything rule comes before specific rules, which then never apply",
      """
      A rule such as `-A INPUT -j ACCEPT` has no criteria, so it matches every packet that reaches
      it and the walk of the chain ends there. Every rule after it in the chain is dead, and the
      chain's policy is never applied. This is a common result of a debugging "open everything"
      line left at the top of a script, or of `-I` inserting at position 1.

      **Fix:** restrict the rule (`-i lo`, `-m conntrack --ctstate ESTABLISHED,RELATED`, a source
      network), move it to the end, or remove it.

      Source: iptables(8): a rule with no match criteria matches all packets.
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
        for (int i = 0; i < rules.size() - 1; i++) {
          Rule r = rules.get(i);
          if (input.isOwn(r) && RuleShapes.matchesEverything(r) && r.targetName().equals("ACCEPT")) {
            int after = rules.size() - i - 1;
            out.report(INFO.id().value(), Severity.WARNING, r.line(), 1,
                "this rule accepts every packet in " + chain.name() + ", so the " + after + " rule" + (after == 1 ? "" : "s")
                    + " after it (from line " + rules.get(i + 1).fileLine() + ") never apply",
                "narrow this rule or move it to the end of the chain");
            break;
          }
        }
      }
    });
  }
}
