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

/** from= with a malformed address/mask: sshd denies the key from everywhere. */
public final class BadFromRule implements KeyLineRule {
  @Override
  public RuleId id() {
    return AuthKeysRuleIds.BAD_FROM;
  }

  @Override
  public void check(AuthorizedKeys keys, LocalDateTime now, List<Finding> out) {
    for (KeyLine k : keys.keys()) {
      for (KeyOption o : k.options()) {
        if (o.name().equals("from") && AccessEvaluator.matchHostAndIp("0.0.0.0", "0.0.0.0", o.value()) == -1) {
          out.add(new Finding(k.line(), o.column(), id(), Severity.ERROR,
              "from=\"" + o.value() + "\" holds a malformed address/mask (a prefix too long, or host bits set); "
                  + "sshd then denies this key from every address",
              "write networks as 192.0.2.0/24 with the host bits zero"));
        }
      }
    }
  }
}
