package org.opsbook.checker.authkeys.rules;

import java.time.LocalDateTime;
import java.util.List;
import org.opsbook.checker.authkeys.model.AuthKeysRuleIds;
import org.opsbook.checker.authkeys.model.AuthorizedKeys;
import org.opsbook.checker.authkeys.model.Finding;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** A key with a forced command is an automation key; pin it to the machines that run the job. */
public final class ForcedCommandWithoutFromRule implements KeyLineRule {
  @Override
  public RuleId id() {
    return AuthKeysRuleIds.FORCED_COMMAND_WITHOUT_FROM;
  }

  @Override
  public void check(AuthorizedKeys keys, LocalDateTime now, List<Finding> out) {
    for (KeyLine k : keys.keys()) {
      if (k.has("command") && !k.has("from") && !k.has("cert-authority")) {
        out.add(new Finding(k.line(), k.option("command").get().column(), id(), Severity.INFO,
            "this key runs a forced command from any address; a copied private key works from anywhere",
            "add from=\"ADDRESS\" with the address of the machine that runs the job"));
      }
    }
  }
}
