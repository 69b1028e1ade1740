package org.opsbook.checker.iptables.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.syntax.Findings;
import org.opsbook.diag.Severity;

/** DNAT of arriving packets to a loopback address, which Linux drops unless route_localnet is on. */
public final class LocalnetRedirect implements LintRule {
  static final RuleInfo INFO = RuleInfo.of("iptables.localnet-redirect", Severity.WARNING,
      "DNAT to 127.0.0.0/8 from another interface needs net.ipv4.conf.IFACE.route_localnet=1",
      """
      A packet that arrives on eth0 or a bridge and is rewritten by `-t nat -A PREROUTING -j DNAT
      --to-destination 127.0.0.1:PORT` is then routed to a loopback address. Linux treats such a
      packet as a "martian" and drops it silently unless `route_localnet` is enabled on the
      interface it came in on (`sysctl -w net.ipv4.conf.eth0.route_localnet=1`). The rule looks
      right, the counters go up, and nothing answers. Locally generated traffic (nat OUTPUT) is not
      affected, and `-j REDIRECT` avoids the problem by using the incoming interface's own address.

      **Fix:** mention and set `route_localnet` for the incoming interface in the article, bind the
      service to an address of that interface and DNAT there, or use `-j REDIRECT --to-ports`.

      Source: ip-sysctl documentation, `route_localnet`: "Do not consider loopback addresses as
      martian source or destination while routing."
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintInput input, Findings out) {
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
        out.warning(INFO.id().value(), to.at(), "packets DNATed to " + to.arg() + " in PREROUTING are dropped as martians unless route_localnet is enabled",
            "run sysctl -w net.ipv4.conf." + iface + ".route_localnet=1 (and say so in the article), or use -j REDIRECT");
      }
    }
  }
}
