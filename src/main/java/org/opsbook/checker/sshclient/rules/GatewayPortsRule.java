package org.opsbook.checker.sshclient.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import java.util.Locale;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.SshConfig;

/** GatewayPorts yes: local forwards listen on every interface, not just loopback. */
public final class GatewayPortsRule implements Rule<SshConfig> {
  @Override
  public RuleInfo info() {
    return SshClientRules.GATEWAY_PORTS;
  }

  @Override
  public void check(SshConfig config, Findings out) {
    for (Directive d : config.named("gatewayports")) {
      String v = d.firstValue().toLowerCase(Locale.ROOT);
      if (v.equals("yes") || v.equals("true")) {
        out.report(info(), d.line(), d.argumentColumn(0),
            "GatewayPorts yes makes LocalForward and DynamicForward ports listen on all interfaces, so "
                + "anyone on your network can use the tunnel",
            "leave it at no; if one forward must be shared, give it an explicit bind address");
      }
    }
  }
}
