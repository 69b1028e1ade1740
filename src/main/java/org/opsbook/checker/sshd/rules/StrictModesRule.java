package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** StrictModes no accepts world-writable key files. */
public final class StrictModesRule extends KeywordValueRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.strict-modes", Severity.WARNING,
      "StrictModes no accepts world-writable key files",
      """
If another local user can write your home directory or `~/.ssh`, they can add their own key to
your `authorized_keys`.

**What sshd does.** With the default `yes`, sshd refuses to use key files when the file, `~/.ssh`
or the home directory is writable by others. `no` skips the check.

**Fix.** Keep `StrictModes yes`; fix ownership (`chown`) and modes (`chmod 700 ~/.ssh`,
`chmod 600 ~/.ssh/authorized_keys`).

**Source.** sshd_config(5); CIS benchmarks.
      """);

  public StrictModesRule() {
    super("strictmodes");
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  boolean isRisky(String value) {
    return value.equals("no");
  }

  @Override
  String message(Directive d) {
    return "StrictModes no makes sshd accept authorized_keys files and home directories that other users can write";
  }

  @Override
  String hint() {
    return "set StrictModes yes (the default) and fix the permissions instead";
  }

  @Override
  boolean checksMatchBlocks() {
    return false;
  }
}
