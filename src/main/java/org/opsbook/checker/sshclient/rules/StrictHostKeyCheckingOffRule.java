package org.opsbook.checker.sshclient.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** StrictHostKeyChecking no/off: ssh connects even when the host key changed. */
public final class StrictHostKeyCheckingOffRule implements SshConfigRule {
  private static final Set<String> OFF = Set.of("no", "off", "false");

  @Override
  public RuleId id() {
    return SshRuleIds.STRICT_HOST_KEY_CHECKING_OFF;
  }

  @Override
  public void check(SshConfig config, List<Finding> out) {
    for (Directive d : config.named("stricthostkeychecking")) {
      if (OFF.contains(d.firstValue().toLowerCase(Locale.ROOT))) {
        out.add(new Finding(d.line(), d.argumentColumn(0), id(), Severity.WARNING,
            "StrictHostKeyChecking " + d.firstValue() + " accepts unknown host keys and connects even when a "
                + "known key changed, so a machine in the middle goes unnoticed",
            "use accept-new to trust first contact but refuse changed keys, or distribute known_hosts"));
      }
    }
  }
}
