package org.opsbook.checker.iptables.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Operand;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Replay;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.sim.Addresses;

/** Rules whose criteria contradict each other, so no packet can match them. */
public final class NeverMatches implements org.opsbook.check.Rule<Replay> {

  @Override
  public RuleInfo info() {
    return IptablesRules.NEVER_MATCHES;
  }

  @Override
  public void check(Replay input, Findings out) {
    for (Rule r : input.ruleset().allRules()) {
      if (!input.isOwn(r)) {
        continue;
      }
      rangeAgainst(r, r.source(), "src-range", out);
      rangeAgainst(r, r.destination(), "dst-range", out);
      multiportAgainst(r, out);
    }
  }

  private static void rangeAgainst(Rule r, Operand address, String option, Findings out) {
    OptionValue range = r.matchOption(option).orElse(null);
    if (range == null) {
      return;
    }
    String[] ends = range.arg().split("-");
    long lo = Addresses.parse(ends[0]);
    long hi = ends.length > 1 ? Addresses.parse(ends[1]) : lo;
    if (lo < 0 || hi < 0) {
      return;
    }
    if (lo > hi && !range.negated()) {
      IptablesRules.reportAt(out, IptablesRules.NEVER_MATCHES, range.at(), "--" + option + " " + range.arg() + " is empty: its first address is above its last", "swap the two addresses");
      return;
    }
    if (address == null || address.value().equals("$")) {
      return;
    }
    long[] net = Addresses.range(address.value());
    if (net == null) {
      return;
    }
    boolean inside = net[0] >= lo && net[1] <= hi;
    boolean outside = net[1] < lo || net[0] > hi;
    boolean rangeInsideNet = lo >= net[0] && hi <= net[1];
    String why = null;
    if (!address.negated() && range.negated() && inside) {
      why = address.value() + " lies inside the excluded range " + range.arg();
    } else if (!address.negated() && !range.negated() && outside) {
      why = address.value() + " lies outside " + range.arg();
    } else if (address.negated() && !range.negated() && rangeInsideNet) {
      why = "the range " + range.arg() + " lies inside the excluded network " + address.value();
    }
    if (why != null) {
      IptablesRules.reportAt(out, IptablesRules.NEVER_MATCHES, range.at(), "the rule never matches: " + why,
          "fix the address or the range; as written, the rule matches no packet");
    }
  }

  private static void multiportAgainst(Rule r, Findings out) {
    OptionValue single = r.matchOption("destination-port").orElse(null);
    OptionValue list = r.matchOption("destination-ports").orElse(null);
    if (single == null || list == null || single.negated() || list.negated()) {
      return;
    }
    int[] s = RuleCoverage.portRange(single.arg());
    if (s == null) {
      return;
    }
    for (String p : list.arg().split(",")) {
      int[] x = RuleCoverage.portRange(p);
      if (x == null || !(x[1] < s[0] || x[0] > s[1])) {
        return;
      }
    }
    IptablesRules.reportAt(out, IptablesRules.NEVER_MATCHES, list.at(), "the rule never matches: --dport " + single.arg() + " is none of the ports " + list.arg(),
        "keep one of the two port criteria");
  }
}
