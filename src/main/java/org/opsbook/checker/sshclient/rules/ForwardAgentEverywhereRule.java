package org.opsbook.checker.sshclient.rules;

import java.util.List;
import java.util.Locale;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** ForwardAgent on for every host: any server you log in to can use your keys while you are connected. */
public final class ForwardAgentEverywhereRule implements SshConfigRule {
  @Override
  public RuleId id() {
    return SshRuleIds.FORWARD_AGENT_EVERYWHERE;
  }

  @Override
  public void check(SshConfig config, List<Finding> out) {
    for (Directive d : config.named("forwardagent")) {
      String v = d.firstValue().toLowerCase(Locale.ROOT);
      if (v.equals("no") || v.equals("false") || v.isEmpty()) {
        continue;
      }
      Directive block = config.blockOf(d);
      if (Scopes.appliesToAll(block)) {
        out.add(new Finding(d.line(), d.column(), id(), Severity.WARNING,
            "ForwardAgent " + d.firstValue() + " applies to every host (" + Scopes.describe(block)
                + "): root on any server you reach can use your agent to log in as you elsewhere",
            "enable it only in a Host block for the machines that need it, or use ProxyJump instead"));
      }
    }
  }
}
