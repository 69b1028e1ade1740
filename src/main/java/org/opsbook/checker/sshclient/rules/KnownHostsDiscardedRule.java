package org.opsbook.checker.sshclient.rules;

import java.util.List;
import org.opsbook.checker.sshclient.model.Argument;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** UserKnownHostsFile /dev/null: host keys are never remembered, so every connection is first contact. */
public final class KnownHostsDiscardedRule implements SshConfigRule {
  @Override
  public RuleId id() {
    return SshRuleIds.KNOWN_HOSTS_DISCARDED;
  }

  @Override
  public void check(SshConfig config, List<Finding> out) {
    for (Directive d : config.named("userknownhostsfile")) {
      for (Argument a : d.arguments()) {
        if (a.value().equals("/dev/null")) {
          out.add(new Finding(d.line(), a.column(), id(), Severity.WARNING,
              "UserKnownHostsFile /dev/null forgets every host key, so ssh can never notice a changed key",
              "keep a real known_hosts file; for throwaway lab hosts, scope this to a Host block for them"));
        }
      }
    }
  }
}
