package org.opsbook.checker.sshclient.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.SshConfig;

/** readconf.c: whichever of ProxyCommand and ProxyJump comes first wins; the other is ignored. */
public final class ProxyCommandAndJumpRule implements Rule<SshConfig> {
  @Override
  public RuleInfo info() {
    return SshClientRules.PROXY_COMMAND_AND_JUMP;
  }

  @Override
  public void check(SshConfig config, Findings out) {
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

  private void report(Directive loser, Directive winner, Findings out) {
    out.report(info(), loser.line(), loser.column(),
        loser.keyword() + " is ignored: " + winner.keyword() + " on line " + winner.line()
            + " comes first in the same block, and ssh uses only one way to reach the host",
        "keep either ProxyJump or ProxyCommand");
  }
}
