package org.opsbook.checker.authkeys.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.authkeys.model.KeyFile;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.model.KeyOption;
import org.opsbook.checker.authkeys.sim.AccessEvaluator;

/** from= with a malformed address/mask: sshd denies the key from everywhere. */
public final class BadFromRule implements Rule<KeyFile> {
  @Override
  public RuleInfo info() {
    return AuthorizedKeysRules.BAD_FROM;
  }

  @Override
  public void check(KeyFile file, Findings findings) {
    for (KeyLine k : file.usable()) {
      for (KeyOption o : k.options()) {
        if (o.name().equals("from") && AccessEvaluator.matchHostAndIp("0.0.0.0", "0.0.0.0", o.value()) == -1) {
          findings.report(info(), k.line(), o.column(),
              "from=\"" + o.value() + "\" holds a malformed address/mask (a prefix too long, or host bits set); "
                  + "sshd then denies this key from every address",
              "write networks as 192.0.2.0/24 with the host bits zero");
        }
      }
    }
  }
}
