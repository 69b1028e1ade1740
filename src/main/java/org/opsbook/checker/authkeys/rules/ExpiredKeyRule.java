package org.opsbook.checker.authkeys.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.authkeys.model.KeyFile;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.model.KeyOption;
import org.opsbook.checker.authkeys.sim.AccessEvaluator;

/** expiry-time in the past: sshd refuses the key. */
public final class ExpiredKeyRule implements Rule<KeyFile> {
  @Override
  public RuleInfo info() {
    return AuthorizedKeysRules.EXPIRED;
  }

  @Override
  public void check(KeyFile file, Findings findings) {
    for (KeyLine k : file.usable()) {
      for (KeyOption o : k.options()) {
        if (o.name().equals("expiry-time") && !AccessEvaluator.expiry(o.value()).isAfter(file.now())) {
          findings.report(info(), k.line(), o.column(),
              "expiry-time=\"" + o.value() + "\" is in the past: sshd refuses this key",
              "remove the line, or set a new expiry if the key should still work");
        }
      }
    }
  }
}
