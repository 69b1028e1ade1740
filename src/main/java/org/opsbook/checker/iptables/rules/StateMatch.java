package org.opsbook.checker.iptables.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Match;
import org.opsbook.checker.iptables.model.Replay;
import org.opsbook.checker.iptables.model.Rule;

/** {@code -m state}, superseded by {@code -m conntrack}. */
public final class StateMatch implements org.opsbook.check.Rule<Replay> {

  @Override
  public RuleInfo info() {
    return IptablesRules.STATE_MATCH;
  }

  @Override
  public void check(Replay input, Findings out) {
    for (Rule r : input.ruleset().allRules()) {
      if (!input.isOwn(r)) {
        continue;
      }
      for (Match m : r.matches()) {
        if (m.module().equals("state")) {
          String states = m.option("state").map(o -> o.arg()).orElse("...");
          IptablesRules.reportAt(out, IptablesRules.STATE_MATCH, m.at(), "-m state is obsolete; the conntrack match does the same",
              "write -m conntrack --ctstate " + states);
        }
      }
    }
  }
}
