package org.opsbook.checker.sshd.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** A whole file that never sets PasswordAuthentication gets sshd's default: passwords on. */
public final class PasswordAuthenticationDefaultRule implements Rule<LoadedConfig> {

  @Override
  public RuleInfo info() {
    return SshdRules.PASSWORD_AUTHENTICATION_DEFAULT;
  }

  @Override
  public void check(LoadedConfig input, Findings out) {
    // Lines after "Match All" count as global too, as sshd applies them to every connection.
    boolean setGlobally = input.config().all("passwordauthentication").stream()
        .anyMatch(d -> input.config().appliesGlobally(d.chain()));
    if (!setGlobally && !input.config().directives().isEmpty()) {
      out.reportSnippet(SshdRules.PASSWORD_AUTHENTICATION_DEFAULT,
          "PasswordAuthentication is never set, so sshd uses its default: passwords are accepted",
          "add PasswordAuthentication no (or yes, if passwords are intended); mark excerpts with fragment");
    }
  }
}
