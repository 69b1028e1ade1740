package org.opsbook.checker.sshd.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** Two Subsystem lines with the same name make sshd refuse to start. */
public final class DuplicateSubsystemRule implements Rule<LoadedConfig> {

  @Override
  public RuleInfo info() {
    return SshdRules.DUPLICATE_SUBSYSTEM;
  }

  @Override
  public void check(LoadedConfig input, Findings out) {
    Map<String, Directive> seen = new TreeMap<>();
    for (Directive d : input.config().all("subsystem")) {
      Directive earlier = seen.putIfAbsent(d.firstValue(), d);
      if (earlier != null) {
        input.report(out, SshdRules.DUPLICATE_SUBSYSTEM, d, 0, "Subsystem '" + d.firstValue() + "' already defined on line "
            + earlier.line() + "; sshd refuses to start", "delete one of the two Subsystem lines");
      }
    }
  }
}
