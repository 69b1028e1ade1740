package org.opsbook.checker.sshclient.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import java.util.Locale;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.SshConfig;

/** ForwardAgent on for every host: any server you log in to can use your keys while you are connected. */
public final class ForwardAgentEverywhereRule implements Rule<SshConfig> {
  @Override
  public RuleInfo info() {
    return SshClientRules.FORWARD_AGENT_EVERYWHERE;
  }

  @Override
  public void check(SshConfig config, Findings out) {
    for (Directive d : config.named("forwardagent")) {
      String v = d.firstValue().toLowerCase(Locale.ROOT);
      if (v.equals("no") || v.equals("false") || v.isEmpty()) {
        continue;
      }
      Directive block = config.blockOf(d);
      if (Scopes.appliesToAll(block)) {
        out.report(info(), d.line(), d.column(),
            "ForwardAgent " + d.firstValue() + " applies to every host (" + Scopes.describe(block)
                + "): root on any server you reach can use your agent to log in as you elsewhere",
            "enable it only in a Host block for the machines that need it, or use ProxyJump instead");
      }
    }
  }
}
