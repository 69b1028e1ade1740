package org.opsbook.checker.sshclient.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import java.util.Locale;
import java.util.Set;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.SshConfig;

/** StrictHostKeyChecking no/off: ssh connects even when the host key changed. */
public final class StrictHostKeyCheckingOffRule implements Rule<SshConfig> {
  private static final Set<String> OFF = Set.of("no", "off", "false");

  @Override
  public RuleInfo info() {
    return SshClientRules.STRICT_HOST_KEY_CHECKING_OFF;
  }

  @Override
  public void check(SshConfig config, Findings out) {
    for (Directive d : config.named("stricthostkeychecking")) {
      if (OFF.contains(d.firstValue().toLowerCase(Locale.ROOT))) {
        out.report(info(), d.line(), d.argumentColumn(0),
            "StrictHostKeyChecking " + d.firstValue() + " accepts unknown host keys and connects even when a "
                + "known key changed, so a machine in the middle goes unnoticed",
            "use accept-new to trust first contact but refuse changed keys, or distribute known_hosts");
      }
    }
  }
}
