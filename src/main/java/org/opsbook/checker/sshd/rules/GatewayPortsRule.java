package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** GatewayPorts exposes remote forwardings to the network. */
public final class GatewayPortsRule extends KeywordValueRule {

  public GatewayPortsRule() {
    super("gatewayports");
  }

  @Override
  public RuleInfo info() {
    return SshdRules.GATEWAY_PORTS;
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
