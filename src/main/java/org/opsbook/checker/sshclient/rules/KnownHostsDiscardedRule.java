package org.opsbook.checker.sshclient.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshclient.model.Argument;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.SshConfig;

/** UserKnownHostsFile /dev/null: host keys are never remembered, so every connection is first contact. */
public final class KnownHostsDiscardedRule implements Rule<SshConfig> {
  @Override
  public RuleInfo info() {
    return SshClientRules.KNOWN_HOSTS_DISCARDED;
  }

  @Override
  public void check(SshConfig config, Findings out) {
    for (Directive d : config.named("userknownhostsfile")) {
      for (Argument a : d.arguments()) {
        if (a.value().equals("/dev/null")) {
          out.report(info(), d.line(), a.column(),
              "UserKnownHostsFile /dev/null forgets every host key, so ssh can never notice a changed key",
              "keep a real known_hosts file; for throwaway lab hosts, scope this to a Host block for them");
        }
      }
    }
  }
}
