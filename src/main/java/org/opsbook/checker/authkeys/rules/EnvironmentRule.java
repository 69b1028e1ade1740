package org.opsbook.checker.authkeys.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.authkeys.model.KeyFile;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.model.KeyOption;

/** environment= does nothing unless sshd_config sets PermitUserEnvironment. */
public final class EnvironmentRule implements Rule<KeyFile> {
  @Override
  public RuleInfo info() {
    return AuthorizedKeysRules.ENVIRONMENT_IGNORED;
  }

  @Override
  public void check(KeyFile file, Findings findings) {
    for (KeyLine k : file.usable()) {
      for (KeyOption o : k.options()) {
        if (o.name().equals("environment")) {
          findings.report(info(), k.line(), o.column(),
              "environment=\"" + o.value() + "\" is ignored unless sshd_config sets PermitUserEnvironment "
                  + "(default no)",
              "set the variable inside the forced command instead");
        }
      }
    }
  }
}
