package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** PermitRootLogin allows root to log in with a password. */
public final class PermitRootLoginRule extends EnabledKeywordRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.permit-root-login", Severity.WARNING,
      "PermitRootLogin allows root to log in with a password",
      """
Root is the one account every attacker knows exists, so password guessing against it never stops.
`PermitRootLogin yes` lets root authenticate with every enabled method, passwords and
keyboard-interactive included.

**What sshd does.** sshd_config(5) lists `yes`, `prohibit-password` (alias `without-password`),
`forced-commands-only` and `no`. Since OpenSSH 7.0 the default is `prohibit-password`: root may log
in with a key but never with a password.

**Fix.** Write `PermitRootLogin no` and have admins log in as themselves and use sudo, which also
leaves an audit trail per person. If automation must log in as root, use `prohibit-password` or
`forced-commands-only` with a `command=` restriction in authorized_keys.

**Source.** sshd_config(5); Mozilla's OpenSSH guidelines ("PermitRootLogin No"); CIS Debian
benchmark, "Ensure SSH root login is disabled".
      """);

  public PermitRootLoginRule() {
    super(
        "permitrootlogin",
        INFO,
        "PermitRootLogin yes lets root log in with any method, passwords included",
        "set PermitRootLogin no (or prohibit-password if root must log in with a key)");
  }
}
