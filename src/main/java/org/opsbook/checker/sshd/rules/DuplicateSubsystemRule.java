package org.opsbook.checker.sshd.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/** Two Subsystem lines with the same name make sshd refuse to start. */
public final class DuplicateSubsystemRule implements SshdRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.duplicate-subsystem", Severity.ERROR,
      "A Subsystem name is defined twice",
      """
      Replacing `Subsystem sftp /usr/lib/openssh/sftp-server` by `Subsystem sftp internal-sftp` is
      a common step when setting up chrooted SFTP, and adding the new line without removing the old
      one is a common mistake.

      **What sshd does.** servconf.c stops with "Subsystem 'sftp' already defined": `sshd -t`
      fails and the daemon does not start (or restart).

      **Fix.** Keep one `Subsystem sftp` line.

      **Source.** servconf.c; sshd_config(5), Subsystem.
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RuleInput input, List<Diagnostic> out) {
    Map<String, Directive> seen = new TreeMap<>();
    for (Directive d : input.config().all("subsystem")) {
      Directive earlier = seen.putIfAbsent(d.firstValue(), d);
      if (earlier != null) {
        out.add(input.report(INFO, d, 0, "Subsystem '" + d.firstValue() + "' already defined on line "
            + earlier.line() + "; sshd refuses to start", "delete one of the two Subsystem lines"));
      }
    }
  }
}
