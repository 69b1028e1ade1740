package org.opsbook.checker.iptables.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Replay;
import org.opsbook.checker.iptables.model.Rule;

/**
 * DNAT of arriving packets to a loopback address, which Linux drops unless route_localnet is on.
 * Quiet when any snippet of the article, before or after this one, names route_localnet.
 */
public final class LocalnetRedirect implements org.opsbook.check.Rule<Replay> {

  @Override
  public RuleInfo info() {
    return IptablesRules.LOCALNET_REDIRECT;
  }

  @Override
  public void check(Replay input, Findings out) {
    if (input.articleText().contains("route_localnet")) {
      return;
    }
    Chain pre = input.ruleset().chain("nat", "PREROUTING").orElse(null);
    if (pre == null) {
      return;
    }
    for (Rule r : pre.rules()) {
      if (!input.isOwn(r) || !r.targetName().equals("DNAT")) {
        continue;
      }
      OptionValue to = r.target().option("to-destination").orElse(null);
      if (to != null && to.arg().startsWith("127.")) {
        String iface = r.inInterface() != null && !r.inInterface().negated() ? r.inInterface().value() : "IFACE";
        IptablesRules.reportAt(out, IptablesRules.LOCALNET_REDIRECT, to.at(), "packets DNATed to " + to.arg() + " in PREROUTING are dropped as martians unless route_localnet is enabled",
            "run sysctl -w net.ipv4.conf." + iface + ".route_localnet=1 (and show it in a snippet of the article),"
                + " or use -j REDIRECT");
      }
    }
  }
}
