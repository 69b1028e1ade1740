package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** IgnoreRhosts no makes sshd read users' .rhosts files. */
public final class IgnoreRhostsRule extends KeywordValueRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.ignore-rhosts", Severity.WARNING,
      "IgnoreRhosts no makes sshd read users' .rhosts files",
      """
`.rhosts` and `.shosts` let each user extend trust to other hosts without the administrator
knowing.

**What sshd does.** With the default `yes`, sshd ignores these per-user files during host-based
authentication; `shosts-only` ignores `.rhosts` but reads `.shosts`; `no` reads both.

**Fix.** Write `IgnoreRhosts yes` or delete the line.

**Source.** sshd_config(5); CIS benchmarks, "Ensure SSH IgnoreRhosts is enabled".
      """);

  public IgnoreRhostsRule() {
    super("ignorerhosts");
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  boolean isRisky(String value) {
    return value.equals("no");
  }

  private static String where(Directive d) {
    return d.isInMatch() ? " (inside a Match block)" : "";
  }

  @Override
  String message(Directive d) {
    return "IgnoreRhosts no makes host-based authentication honour users' own .rhosts and .shosts files" + where(d);
  }

  @Override
  String hint() {
    return "set IgnoreRhosts yes (the default)";
  }
}
