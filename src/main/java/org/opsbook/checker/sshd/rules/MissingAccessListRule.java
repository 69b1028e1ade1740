package org.opsbook.checker.sshd.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** A whole file with neither AllowUsers nor AllowGroups lets every account with a shell try to log in. */
public final class MissingAccessListRule implements Rule<LoadedConfig> {

  @Override
  public RuleInfo info() {
    return SshdRules.MISSING_ACCESS_LIST;
  }

  @Override
  public void check(LoadedConfig input, Findings out) {
    if (!input.config().directives().isEmpty() && !input.config().mentions("allowusers", "allowgroups")) {
      out.reportSnippet(SshdRules.MISSING_ACCESS_LIST, "no AllowUsers or AllowGroups line: every account may try to log in",
          "add AllowGroups or AllowUsers; mark excerpts of a larger file with fragment");
    }
  }
}
