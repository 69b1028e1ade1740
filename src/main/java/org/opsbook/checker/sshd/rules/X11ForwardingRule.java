package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** X11Forwarding is turned on. */
public final class X11ForwardingRule extends EnabledKeywordRule {

  public X11ForwardingRule() {
    super(
        "x11forwarding",
        SshdRules.X11_FORWARDING,
        "X11Forwarding yes lets sessions open windows on the client's display, and a compromised server can then reach that display",
        "set X11Forwarding no unless people really run graphical programs over SSH");
  }
}
