package org.opsbook.checker.sshclient.rules;

import java.util.List;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/**
 * ssh_config(5) ControlPath: a path shared by several destinations makes ssh reuse one master
 * connection for all of them; it should contain %C, or %h, %p and %r.
 */
public final class ControlPathNotUniqueRule implements SshConfigRule {
  @Override
  public RuleId id() {
    return SshRuleIds.CONTROL_PATH_NOT_UNIQUE;
  }

  @Override
  public void check(SshConfig config, List<Finding> out) {
    for (Directive d : config.named("controlpath")) {
      String v = d.firstValue();
      if (v.isEmpty() || v.equalsIgnoreCase("none")) {
        continue;
      }
      boolean unique = v.contains("%C") || (v.contains("%h") && v.contains("%p") && v.contains("%r"));
      if (!unique) {
        out.add(new Finding(d.line(), d.argumentColumn(0), id(), Severity.WARNING,
            "ControlPath " + v + " does not tell destinations apart: connections to different hosts, ports or "
                + "users would share one master connection",
            "include %C (a hash of host, port, user and jump host), e.g. ~/.ssh/cm-%C"));
      }
    }
  }
}
