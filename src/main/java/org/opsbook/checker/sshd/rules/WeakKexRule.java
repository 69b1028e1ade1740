package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.catalog.Algorithms;
import org.opsbook.diag.Severity;

/** Flags SHA-1 key exchanges. */
public final class WeakKexRule extends WeakAlgorithmRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.weak-kex", Severity.WARNING,
      "KexAlgorithms enables SHA-1 key exchange",
      """
      Key exchange decides the session keys. `diffie-hellman-group1-sha1` uses a 1024-bit group
      (within reach of well-funded attackers, see Logjam), and all `*-sha1` exchanges rely on SHA-1.

      **What sshd does.** `KexAlgorithms` replaces the default list, which in 9.2 starts with the
      post-quantum hybrid `sntrup761x25519-sha512` and curve25519 and contains no SHA-1 exchange.
      `+name` appends to it.

      **Fix.** Delete the line, or keep only `sntrup761x25519-sha512@openssh.com,curve25519-sha256,
      curve25519-sha256@libssh.org` plus, if needed, `diffie-hellman-group16-sha512,
      diffie-hellman-group18-sha512,diffie-hellman-group-exchange-sha256`.

      **Source.** sshd_config(5); Mozilla's OpenSSH guidelines.
      """);

  public WeakKexRule() {
    super(List.of("kexalgorithms"), Algorithms.DEFAULT_KEX, Algorithms.ALL_KEX);
  }

  @Override
  public RuleInfo info() {
    return INFO;
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
