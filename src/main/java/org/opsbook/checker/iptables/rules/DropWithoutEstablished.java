package org.opsbook.checker.iptables.rules;

import java.util.List;
import java.util.Map;
import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Replay;
import org.opsbook.checker.iptables.model.Rule;

/** A filter chain that drops by default but never accepts replies to established connections. */
public final class DropWithoutEstablished implements org.opsbook.check.Rule<Replay> {

  @Override
  public RuleInfo info() {
    return IptablesRules.DROP_WITHOUT_ESTABLISHED;
  }

  @Override
  public void check(Replay input, Findings out) {
    Map<String, Chain> filter = input.ruleset().tables().get("filter");
    if (filter == null) {
      return;
    }
    for (String name : List.of("INPUT", "FORWARD", "OUTPUT")) {
      Chain c = filter.get(name);
      if (c == null) {
        continue;
      }
      int line = 0;
      String what = null;
      if ("DROP".equals(c.policy()) && c.policyLine() > 0) {
        line = c.policyLine();
        what = "the DROP policy of " + name;
      }
      if (!c.rules().isEmpty()) {
        Rule last = c.rules().get(c.rules().size() - 1);
        if (RuleCoverage.matchesEverything(last) && List.of("DROP", "REJECT").contains(last.targetName()) && input.isOwn(last)) {
          line = last.line();
          what = "the final " + last.targetName() + " of " + name;
        }
      }
      // a chain that accepts nothing drops on purpose: there are no replies to let back in
      boolean acceptsSomething = c.rules().stream().anyMatch(r -> r.targetName().equals("ACCEPT"));
      if (what == null || !acceptsSomething || acceptsEstablished(c, filter)) {
        continue;
      }
      boolean ownPolicy = c.rules().stream().anyMatch(input::isOwn) || line > 0;
      if (!ownPolicy) {
        continue;
      }
      out.report(IptablesRules.DROP_WITHOUT_ESTABLISHED, line, 1,
          what + " also drops replies to connections, since no rule in " + name + " accepts ESTABLISHED,RELATED packets",
          "add -A " + name + " -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT near the top of " + name);
    }
  }

  private static boolean acceptsEstablished(Chain c, Map<String, Chain> filter) {
    for (Rule r : c.rules()) {
      OptionValue state = r.matchOption("ctstate").orElse(r.matchOption("state").orElse(null));
      if (state != null && !state.negated() && state.arg().contains("ESTABLISHED")) {
        if (r.targetName().equals("ACCEPT")) {
          return true;
        }
        Chain called = filter.get(r.targetName());
        if (called != null && !called.builtin()) {
          return true;
        }
      }
    }
    return false;
  }
}
