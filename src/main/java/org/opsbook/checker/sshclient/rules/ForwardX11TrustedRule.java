package org.opsbook.checker.sshclient.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import java.util.Locale;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.SshConfig;

/** ForwardX11Trusted yes gives remote X clients full access to the local display. */
public final class ForwardX11TrustedRule implements Rule<SshConfig> {
  @Override
  public RuleInfo info() {
    return SshClientRules.FORWARD_X11_TRUSTED;
  }

  @Override
  public void check(SshConfig config, Findings out) {
    for (Directive d : config.named("forwardx11trusted")) {
      String v = d.firstValue().toLowerCase(Locale.ROOT);
      if (v.equals("yes") || v.equals("true")) {
        out.report(info(), d.line(), d.argumentColumn(0),
            "ForwardX11Trusted yes lets every X client on the remote host read keystrokes and screenshots "
                + "of your whole display",
            "leave it at no (untrusted forwarding) unless a specific application fails without it");
      }
    }
  }
}
