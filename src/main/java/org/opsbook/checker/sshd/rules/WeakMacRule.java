package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.openssh.Algorithms;
import org.opsbook.diag.Severity;

/** Flags MD5, SHA-1, truncated and 64-bit-tag MACs. */
public final class WeakMacRule extends WeakAlgorithmRule {

  public WeakMacRule() {
    super(List.of("macs"), Algorithms.DEFAULT_MACS, Algorithms.MACS);
  }

  @Override
  public RuleInfo info() {
    return SshdRules.WEAK_MAC;
  }

  @Override
  boolean isWeak(String a) {
    return a.contains("md5") || a.contains("sha1") || a.contains("-96") || a.startsWith("umac-64");
  }

  @Override
  String why() {
    return "MD5 and SHA-1 MACs, truncated tags and 64-bit UMAC are below current guidance";
  }

  @Override
  String hint() {
    return "keep hmac-sha2-512-etm, hmac-sha2-256-etm, umac-128-etm and their non-etm forms";
  }
}
