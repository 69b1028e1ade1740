package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** X11Forwarding is turned on. */
public final class X11ForwardingRule extends EnabledKeywordRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.x11-forwarding", Severity.WARNING,
      "X11Forwarding is turned on",
      """
X11 forwarding connects the server to the user's X display. Anyone with root on the server (or
the same user) can then watch keystrokes and inject input into the client's desktop, which matters
most on shared and jump hosts.

**What sshd does.** `X11Forwarding yes` makes sshd accept X11 forwarding requests and set
`DISPLAY`; the default is `no`.

**Fix.** Write `X11Forwarding no`, or allow it only for the people who need it inside a
`Match User` block.

**Source.** sshd_config(5) (it warns about X11 forwarding exposure); CIS benchmarks, "Ensure SSH X11
forwarding is disabled".
      """);

  public X11ForwardingRule() {
    super(
        "x11forwarding",
        INFO,
        "X11Forwarding yes lets sessions open windows on the client's display, and a compromised server can then reach that display",
        "set X11Forwarding no unless people really run graphical programs over SSH");
  }
}
