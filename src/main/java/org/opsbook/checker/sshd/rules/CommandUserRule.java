package org.opsbook.checker.sshd.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** AuthorizedKeysCommand or AuthorizedPrincipalsCommand without the matching ...User line. */
public final class CommandUserRule implements Rule<LoadedConfig> {

  @Override
  public RuleInfo info() {
    return SshdRules.COMMAND_USER_MISSING;
  }

  @Override
  public void check(LoadedConfig input, Findings out) {
    for (String[] pair : new String[][] {{"authorizedkeyscommand", "authorizedkeyscommanduser"},
        {"authorizedprincipalscommand", "authorizedprincipalscommanduser"}}) {
      if (!input.config().mentions(pair[0])) {
        continue;
      }
      if (!input.effective(pair[0]).equalsIgnoreCase("none") && input.effective(pair[1]).equals("none")) {
        Directive d = input.config().global(pair[0]).isEmpty() ? input.config().all(pair[0]).get(0)
            : input.config().global(pair[0]).get(0);
        String user = pair[0].equals("authorizedkeyscommand") ? "AuthorizedKeysCommandUser" : "AuthorizedPrincipalsCommandUser";
        input.report(out, SshdRules.COMMAND_USER_MISSING, d, -1, d.keyword() + " set without " + user + "; sshd refuses to start",
            "add " + user + " with an unprivileged account that exists only for this command");
      }
    }
  }
}
