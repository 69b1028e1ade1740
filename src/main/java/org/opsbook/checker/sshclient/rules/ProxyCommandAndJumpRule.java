package org.opsbook.checker.sshclient.rules;

import java.util.List;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** readconf.c: whichever of ProxyCommand and ProxyJump comes first wins; the other is ignored. */
public final class ProxyCommandAndJumpRule implements SshConfigRule {
  @Override
  public RuleId id() {
    return SshRuleIds.PROXY_COMMAND_AND_JUMP;
  }

  @Override
  public void check(SshConfig config, List<Finding> out) {
    Directive command = null;
    Directive jump = null;
    for (Directive d : config.directives()) {
      if (d.isBlockStart()) {
        command = null;
        jump = null;
        continue;
      }
      if (d.name().equals("proxycommand") && command == null) {
        command = d;
        if (jump != null) {
          report(d, jump, out);
        }
      } else if (d.name().equals("proxyjump") && jump == null) {
        jump = d;
        if (command != null) {
          report(d, command, out);
        }
      }
    }
  }

  private void report(Directive loser, Directive winner, List<Finding> out) {
    out.add(new Finding(loser.line(), loser.column(), id(), Severity.WARNING,
        loser.keyword() + " is ignored: " + winner.keyword() + " on line " + winner.line()
            + " comes first in the same block, and ssh uses only one way to reach the host",
        "keep either ProxyJump or ProxyCommand"));
  }
}
