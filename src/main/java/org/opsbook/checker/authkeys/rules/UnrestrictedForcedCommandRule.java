package org.opsbook.checker.authkeys.rules;

import java.time.LocalDateTime;
import java.util.List;
import org.opsbook.checker.authkeys.model.AuthKeysRuleIds;
import org.opsbook.checker.authkeys.model.AuthorizedKeys;
import org.opsbook.checker.authkeys.model.Finding;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** command= alone still allows port, agent and X11 forwarding and a pty: automation keys need restrict. */
public final class UnrestrictedForcedCommandRule implements KeyLineRule {
  @Override
  public RuleId id() {
    return AuthKeysRuleIds.UNRESTRICTED_FORCED_COMMAND;
  }

  @Override
  public void check(AuthorizedKeys keys, LocalDateTime now, List<Finding> out) {
    for (KeyLine k : keys.keys()) {
      if (!k.has("command") || k.has("restrict")) {
        continue;
      }
      boolean noPortForwarding = k.option("port-forwarding").map(o -> o.negated()).orElse(false);
      boolean noPty = k.option("pty").map(o -> o.negated()).orElse(false);
      if (!noPortForwarding || !noPty) {
        out.add(new Finding(k.line(), k.option("command").get().column(), id(), Severity.WARNING,
            "command= forces the program but still lets this key open port forwards"
                + (noPty ? "" : ", get a pty") + " and forward the agent and X11",
            "put restrict first: restrict,command=\"...\" (add back only what the job needs, e.g. pty)"));
      }
    }
  }
}
