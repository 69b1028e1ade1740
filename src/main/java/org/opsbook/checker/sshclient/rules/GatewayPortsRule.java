package org.opsbook.checker.sshclient.rules;

import java.util.List;
import java.util.Locale;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** GatewayPorts yes: local forwards listen on every interface, not just loopback. */
public final class GatewayPortsRule implements SshConfigRule {
  @Override
  public RuleId id() {
    return SshRuleIds.GATEWAY_PORTS;
  }

  @Override
  public void check(SshConfig config, List<Finding> out) {
    for (Directive d : config.named("gatewayports")) {
      String v = d.firstValue().toLowerCase(Locale.ROOT);
      if (v.equals("yes") || v.equals("true")) {
        out.add(new Finding(d.line(), d.argumentColumn(0), id(), Severity.WARNING,
            "GatewayPorts yes makes LocalForward and DynamicForward ports listen on all interfaces, so "
                + "anyone on your network can use the tunnel",
            "leave it at no; if one forward must be shared, give it an explicit bind address"));
      }
    }
  }
}
