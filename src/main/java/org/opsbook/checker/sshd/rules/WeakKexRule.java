package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.openssh.Algorithms;
import org.opsbook.diag.Severity;

/** Flags SHA-1 key exchanges. */
public final class WeakKexRule extends WeakAlgorithmRule {

  public WeakKexRule() {
    super(List.of("kexalgorithms"), Algorithms.DEFAULT_KEX, Algorithms.KEX);
  }

  @Override
  public RuleInfo info() {
    return SshdRules.WEAK_KEX;
  }

  @Override
  boolean isWeak(String a) {
    return a.endsWith("-sha1");
  }

  @Override
  String why() {
    return "SHA-1 key exchanges (and the 1024-bit group1) are obsolete";
  }

  @Override
  String hint() {
    return "remove them; sshd's defaults already cover every current client";
  }
}
