package org.opsbook.checker.authkeys.rules;

import java.time.LocalDateTime;
import java.util.List;
import org.opsbook.checker.authkeys.model.AuthKeysRuleIds;
import org.opsbook.checker.authkeys.model.AuthorizedKeys;
import org.opsbook.checker.authkeys.model.Finding;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.model.KeyOption;
import org.opsbook.checker.authkeys.sim.AccessEvaluator;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** expiry-time in the past: sshd refuses the key. */
public final class ExpiredKeyRule implements KeyLineRule {
  @Override
  public RuleId id() {
    return AuthKeysRuleIds.EXPIRED;
  }

  @Override
  public void check(AuthorizedKeys keys, LocalDateTime now, List<Finding> out) {
    for (KeyLine k : keys.keys()) {
      for (KeyOption o : k.options()) {
        if (o.name().equals("expiry-time") && !AccessEvaluator.expiry(o.value()).isAfter(now)) {
          out.add(new Finding(k.line(), o.column(), id(), Severity.WARNING,
              "expiry-time=\"" + o.value() + "\" is in the past: sshd refuses this key",
              "remove the line, or set a new expiry if the key should still work"));
        }
      }
    }
  }
}
