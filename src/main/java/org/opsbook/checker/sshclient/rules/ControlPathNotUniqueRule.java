package org.opsbook.checker.sshclient.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.SshConfig;

/**
 * ssh_config(5) ControlPath: a path shared by several destinations makes ssh reuse one master
 * connection for all of them; it should contain %C, or %h, %p and %r.
 */
public final class ControlPathNotUniqueRule implements Rule<SshConfig> {
  @Override
  public RuleInfo info() {
    return SshClientRules.CONTROL_PATH_NOT_UNIQUE;
  }

  @Override
  public void check(SshConfig config, Findings out) {
    for (Directive d : config.named("controlpath")) {
      String v = d.firstValue();
      if (v.isEmpty() || v.equalsIgnoreCase("none")) {
        continue;
      }
      boolean unique = v.contains("%C") || (v.contains("%h") && v.contains("%p") && v.contains("%r"));
      if (!unique) {
        out.report(info(), d.line(), d.argumentColumn(0),
            "ControlPath " + v + " does not tell destinations apart: connections to different hosts, ports or "
                + "users would share one master connection",
            "include %C (a hash of host, port, user and jump host), e.g. ~/.ssh/cm-%C");
      }
    }
  }
}
