package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.catalog.Algorithms;
import org.opsbook.diag.Severity;

/** Flags CBC-mode and 3DES ciphers. */
public final class WeakCipherRule extends WeakAlgorithmRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.weak-cipher", Severity.WARNING,
      "Ciphers enables CBC-mode or 3DES ciphers",
      """
      CBC-mode ciphers in SSH are open to plaintext-recovery attacks on the packet length, and 3DES
      has a 64-bit block that birthday attacks (Sweet32) exploit on long sessions. OpenSSH removed
      them from the default list years ago; they come back only when a configuration lists them.

      **What sshd does.** `Ciphers` replaces the default list; `+name` appends to it, `-name`
      removes, `^name` puts first. sshd 9.2's default is chacha20-poly1305, AES-CTR and AES-GCM.

      **Fix.** Delete the `Ciphers` line to use the defaults, or list only
      `chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr`.
      If an old client needs CBC, upgrade the client rather than the server's exposure.

      **Source.** sshd_config(5); Mozilla's OpenSSH guidelines (modern cipher list).
      """);

  public WeakCipherRule() {
    super(List.of("ciphers"), Algorithms.DEFAULT_CIPHERS, Algorithms.ALL_CIPHERS);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  boolean isWeak(String a) {
    return a.endsWith("-cbc");
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
