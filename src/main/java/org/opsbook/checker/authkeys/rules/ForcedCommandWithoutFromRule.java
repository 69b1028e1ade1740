package org.opsbook.checker.authkeys.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.authkeys.model.KeyFile;
import org.opsbook.checker.authkeys.model.KeyLine;

/** A key with a forced command is an automation key; pin it to the machines that run the job. */
public final class ForcedCommandWithoutFromRule implements Rule<KeyFile> {
  @Override
  public RuleInfo info() {
    return AuthorizedKeysRules.FORCED_COMMAND_WITHOUT_FROM;
  }

  @Override
  public void check(KeyFile file, Findings findings) {
    for (KeyLine k : file.usable()) {
      if (k.has("command") && !k.has("from") && !k.has("cert-authority")) {
        findings.report(info(), k.line(), k.option("command").get().column(),
            "this key runs a forced command from any address; a copied private key works from anywhere",
            "add from=\"ADDRESS\" with the address of the machine that runs the job");
      }
    }
  }
}
