package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.openssh.Algorithms;
import org.opsbook.diag.Severity;

/** Flags CBC-mode and 3DES ciphers. */
public final class WeakCipherRule extends WeakAlgorithmRule {

  public WeakCipherRule() {
    super(List.of("ciphers"), Algorithms.DEFAULT_CIPHERS, Algorithms.CIPHERS);
  }

  @Override
  public RuleInfo info() {
    return SshdRules.WEAK_CIPHER;
  }

  @Override
  boolean isWeak(String a) {
    return a.endsWith("-cbc") || a.startsWith("arcfour");
  }

  @Override
  String why() {
    return "CBC modes and 3DES are weak (plaintext recovery, 64-bit blocks)";
  }

  @Override
  String hint() {
    return "remove them; the default list (chacha20-poly1305, AES-GCM, AES-CTR) works with every current client";
  }
}
