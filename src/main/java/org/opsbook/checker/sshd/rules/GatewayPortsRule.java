package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** GatewayPorts exposes remote forwardings to the network. */
public final class GatewayPortsRule extends KeywordValueRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.gateway-ports", Severity.WARNING,
      "GatewayPorts exposes remote forwardings to the network",
      """
A user's `ssh -R` forwarding normally listens on the server's loopback interface only. With
`GatewayPorts yes` it listens on every address, so a tunnel into a private network becomes
reachable from the internet.

**What sshd does.** `no` (default) binds loopback; `yes` binds the wildcard address;
`clientspecified` lets the client choose.

**Fix.** Write `GatewayPorts no`; if a tunnel host needs it, limit it with `Match User` and
`PermitListen`.

**Source.** sshd_config(5).
      """);

  public GatewayPortsRule() {
    super("gatewayports");
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  boolean isRisky(String value) {
    return !value.equals("no");
  }

  private static String where(Directive d) {
    return d.isInMatch() ? " (inside a Match block)" : "";
  }

  @Override
  String message(Directive d) {
    return "GatewayPorts " + d.firstValue() + " lets remote (-R) forwardings listen on all addresses instead of loopback" + where(d);
  }

  @Override
  String hint() {
    return "set GatewayPorts no (the default) unless this host exists to publish tunnels";
  }
}
