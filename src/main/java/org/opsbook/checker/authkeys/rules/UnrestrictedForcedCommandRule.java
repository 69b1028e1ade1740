package org.opsbook.checker.authkeys.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.authkeys.model.KeyFile;
import org.opsbook.checker.authkeys.model.KeyLine;

/** command= alone still allows port, agent and X11 forwarding and a pty: automation keys need restrict. */
public final class UnrestrictedForcedCommandRule implements Rule<KeyFile> {
  @Override
  public RuleInfo info() {
    return AuthorizedKeysRules.UNRESTRICTED_FORCED_COMMAND;
  }

  @Override
  public void check(KeyFile file, Findings findings) {
    for (KeyLine k : file.usable()) {
      if (!k.has("command") || k.has("restrict")) {
        continue;
      }
      boolean noPortForwarding = k.option("port-forwarding").map(o -> o.negated()).orElse(false);
      boolean noPty = k.option("pty").map(o -> o.negated()).orElse(false);
      if (!noPortForwarding || !noPty) {
        findings.report(info(), k.line(), k.option("command").get().column(),
            "command= forces the program but still lets this key open port forwards"
                + (noPty ? "" : ", get a pty") + " and forward the agent and X11",
            "put restrict first: restrict,command=\"...\" (add back only what the job needs, e.g. pty)");
      }
    }
  }
}
