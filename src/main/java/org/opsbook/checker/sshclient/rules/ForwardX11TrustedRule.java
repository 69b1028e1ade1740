package org.opsbook.checker.sshclient.rules;

import java.util.List;
import java.util.Locale;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** ForwardX11Trusted yes gives remote X clients full access to the local display. */
public final class ForwardX11TrustedRule implements SshConfigRule {
  @Override
  public RuleId id() {
    return SshRuleIds.FORWARD_X11_TRUSTED;
  }

  @Override
  public void check(SshConfig config, List<Finding> out) {
    for (Directive d : config.named("forwardx11trusted")) {
      String v = d.firstValue().toLowerCase(Locale.ROOT);
      if (v.equals("yes") || v.equals("true")) {
        out.add(new Finding(d.line(), d.argumentColumn(0), id(), Severity.WARNING,
            "ForwardX11Trusted yes lets every X client on the remote host read keystrokes and screenshots "
                + "of your whole display",
            "leave it at no (untrusted forwarding) unless a specific application fails without it"));
      }
    }
  }
}
