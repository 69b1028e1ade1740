package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/** A whole file that never sets PasswordAuthentication gets sshd's default: passwords on. */
public final class PasswordAuthenticationDefaultRule implements SshdRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.password-authentication-default", Severity.WARNING,
      "The file leaves PasswordAuthentication at its default, yes",
      """
      sshd's compiled-in default for `PasswordAuthentication` is `yes`. A configuration that never
      mentions it therefore accepts passwords, which is easy to miss when the file otherwise looks
      hardened.

      **What sshd does.** Options that no line sets take the defaults `sshd -T` prints. Debian's
      stock file turns keyboard-interactive off but leaves passwords on.

      **Fix.** State the decision: `PasswordAuthentication no` (and `KbdInteractiveAuthentication
      no`) for key-only hosts, or `PasswordAuthentication yes` if passwords are intended.

      **Source.** sshd_config(5), "PasswordAuthentication ... The default is yes".

      Needs the whole file, so it stays quiet for snippets marked `fragment`.
      """).needingWholeFile();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RuleInput input, List<Diagnostic> out) {
    if (input.config().global("passwordauthentication").isEmpty() && !input.config().directives().isEmpty()
        && input.effective("passwordauthentication").equals("yes")) {
      out.add(input.report(INFO, 1, 1,
          "PasswordAuthentication is never set, so sshd uses its default: passwords are accepted",
          "add PasswordAuthentication no (or yes, if passwords are intended); mark excerpts with fragment"));
    }
  }
}
