package org.opsbook.checker.iptables.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.model.Operand;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.sim.Addresses;
import org.opsbook.checker.iptables.syntax.Findings;
import org.opsbook.diag.Severity;

/** Rules whose criteria contradict each other, so no packet can match them. */
public final class NeverMatches implements LintRule {
  static final RuleInfo INFO = RuleInfo.of("iptables.never-matches", Severity.WARNING,
      "Rule can never match: its criteria contradict each other",
      """
      iptables accepts criteria that exclude each other: a source network together with an
      `iprange` outside it (or a negated range that contains it), a `--dport` outside every port of
      the `multiport` list beside it, an `iprange` whose first address is above its last, or
      `-p icmpv6` in an IPv4 rule. Such a rule loads fine and never matches, so whatever it was
      meant to allow or block is left to the rules after it.

      **Fix:** correct the address, port or protocol that was mistyped; drop the contradictory
      criterion.

      Source: iptables(8) and iptables-extensions(8) ("iprange", "multiport"): all criteria of a
      rule must match at once.
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintInput input, Findings out) {
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
      out.warning(INFO.id().value(), range.at(), "--" + option + " " + range.arg() + " is empty: its first address is above its last", "swap the two addresses");
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
      out.warning(INFO.id().value(), range.at(), "the rule never matches: " + why,
          "fix the address or the range; as written, the rule matches no packet");
    }
  }

  private static void multiportAgainst(Rule r, Findings out) {
    OptionValue single = r.matchOption("destination-port").orElse(null);
    OptionValue list = r.matchOption("destination-ports").orElse(null);
    if (single == null || list == null || single.negated() || list.negated()) {
      return;
    }
    int[] s = RuleShapes.portRange(single.arg());
    if (s == null) {
      return;
    }
    for (String p : list.arg().split(",")) {
      int[] x = RuleShapes.portRange(p);
      if (x == null || !(x[1] < s[0] || x[0] > s[1])) {
        return;
      }
    }
    out.warning(INFO.id().value(), list.at(), "the rule never matches: --dport " + single.arg() + " is none of the ports " + list.arg(),
        "keep one of the two port criteria");
  }
}
