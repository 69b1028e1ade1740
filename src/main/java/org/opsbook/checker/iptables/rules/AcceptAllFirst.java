package org.opsbook.checker.iptables.rules;

import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.Replay;
import org.opsbook.checker.iptables.model.Rule;

/** An unconditional ACCEPT with rules after it in the same chain. */
public final class AcceptAllFirst implements org.opsbook.check.Rule<Replay> {

  @Override
  public RuleInfo info() {
    return IptablesRules.ACCEPT_ALL_FIRST;
  }

  @Override
  public void check(Replay input, Findings out) {
    input.ruleset().tables().forEach((table, chains) -> {
      for (Chain chain : chains.values()) {
        List<Rule> rules = chain.rules();
        for (int i = 0; i < rules.size() - 1; i++) {
          Rule r = rules.get(i);
          if (input.isOwn(r) && RuleCoverage.matchesEverything(r) && r.targetName().equals("ACCEPT")) {
            int after = rules.size() - i - 1;
            out.report(IptablesRules.ACCEPT_ALL_FIRST, r.line(), 1,
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
