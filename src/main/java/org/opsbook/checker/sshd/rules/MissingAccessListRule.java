package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/** A whole file with neither AllowUsers nor AllowGroups lets every account with a shell try to log in. */
public final class MissingAccessListRule implements SshdRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.missing-access-list", Severity.WARNING,
      "No AllowUsers or AllowGroups limits who may log in",
      """
      Without an allow list, every local account with a usable shell and credentials may log in
      over SSH, including service accounts that gained a password or key by accident.

      **What sshd does.** `AllowUsers` and `AllowGroups` (and their Deny counterparts) are checked
      after authentication succeeds; a user who matches no Allow pattern is refused. With neither
      keyword set, sshd applies no such list.

      **Fix.** Add `AllowGroups ssh-users` (and put the right people in that group) or
      `AllowUsers alice bob deploy@192.0.2.0/24`. Access lists may also sit in Match blocks.

      **Source.** sshd_config(5); CIS benchmarks, "Ensure SSH access is limited".

      Needs the whole file, so it stays quiet for snippets marked `fragment`.
      """).needingWholeFile();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RuleInput input, List<Diagnostic> out) {
    if (!input.config().directives().isEmpty() && !input.config().mentions("allowusers", "allowgroups")) {
      out.add(input.report(INFO, 1, 1, "no AllowUsers or AllowGroups line: every account may try to log in",
          "add AllowGroups or AllowUsers; mark excerpts of a larger file with fragment"));
    }
  }
}
