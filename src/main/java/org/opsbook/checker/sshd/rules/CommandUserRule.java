package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/** AuthorizedKeysCommand or AuthorizedPrincipalsCommand without the matching ...User line. */
public final class CommandUserRule implements SshdRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.command-user-missing", Severity.ERROR,
      "AuthorizedKeysCommand (or PrincipalsCommand) is set without its User keyword",
      """
      The command that looks keys or principals up must run as a dedicated unprivileged account,
      and sshd insists on being told which one.

      **What sshd does.** After reading the file, sshd stops with "AuthorizedKeysCommand set without
      AuthorizedKeysCommandUser" (likewise for AuthorizedPrincipalsCommand) when the command is set
      in the global section and the user is not.

      **Fix.** Add `AuthorizedKeysCommandUser nobody` or, better, a user created for the purpose.

      **Source.** sshd.c; sshd_config(5).

      Needs the whole file, so it stays quiet for snippets marked `fragment`.
      """).needingWholeFile();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RuleInput input, List<Diagnostic> out) {
    for (String[] pair : new String[][] {{"authorizedkeyscommand", "authorizedkeyscommanduser"},
        {"authorizedprincipalscommand", "authorizedprincipalscommanduser"}}) {
      if (!input.effective(pair[0]).equalsIgnoreCase("none") && input.effective(pair[1]).equals("none")) {
        Directive d = input.config().global(pair[0]).isEmpty() ? input.config().all(pair[0]).get(0)
            : input.config().global(pair[0]).get(0);
        String user = pair[0].equals("authorizedkeyscommand") ? "AuthorizedKeysCommandUser" : "AuthorizedPrincipalsCommandUser";
        out.add(input.report(INFO, d, -1, d.keyword() + " set without " + user + "; sshd refuses to start",
            "add " + user + " with an unprivileged account that exists only for this command"));
      }
    }
  }
}
