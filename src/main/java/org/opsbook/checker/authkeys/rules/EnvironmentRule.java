package org.opsbook.checker.authkeys.rules;

import java.time.LocalDateTime;
import java.util.List;
import org.opsbook.checker.authkeys.model.AuthKeysRuleIds;
import org.opsbook.checker.authkeys.model.AuthorizedKeys;
import org.opsbook.checker.authkeys.model.Finding;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.model.KeyOption;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** environment= does nothing unless sshd_config sets PermitUserEnvironment. */
public final class EnvironmentRule implements KeyLineRule {
  @Override
  public RuleId id() {
    return AuthKeysRuleIds.ENVIRONMENT_IGNORED;
  }

  @Override
  public void check(AuthorizedKeys keys, LocalDateTime now, List<Finding> out) {
    for (KeyLine k : keys.keys()) {
      for (KeyOption o : k.options()) {
        if (o.name().equals("environment")) {
          out.add(new Finding(k.line(), o.column(), id(), Severity.INFO,
              "environment=\"" + o.value() + "\" is ignored unless sshd_config sets PermitUserEnvironment "
                  + "(default no)",
              "set the variable inside the forced command instead"));
        }
      }
    }
  }
}
