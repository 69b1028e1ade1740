package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** PasswordAuthentication is turned on. */
public final class PasswordAuthenticationRule extends EnabledKeywordRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.password-authentication", Severity.WARNING,
      "PasswordAuthentication is turned on",
      """
Passwords sent over SSH can be guessed online, are often reused from other services, and end up in
phishing kits. Public keys (ideally on a hardware token) cannot be guessed.

**What sshd does.** With `PasswordAuthentication yes` (the compiled-in default) sshd accepts the
`password` method. With `UsePAM yes`, PAM can also ask for a password through
`keyboard-interactive`, so both must be off to stop password logins.

**Fix.** Give every user a key, then set `PasswordAuthentication no` and
`KbdInteractiveAuthentication no`. If a few hosts on a management network still need passwords,
allow them in a `Match Address` block rather than globally.

**Source.** sshd_config(5); Mozilla's OpenSSH guidelines (keys only); CIS benchmarks.
      """);

  public PasswordAuthenticationRule() {
    super(
        "passwordauthentication",
        INFO,
        "PasswordAuthentication yes accepts passwords, which can be guessed, phished and reused",
        "set PasswordAuthentication no and KbdInteractiveAuthentication no once every user has a key");
  }

  @Override
  boolean checksMatchBlocks() {
    return false;
  }
}
