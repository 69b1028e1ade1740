package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.catalog.Algorithms;
import org.opsbook.diag.Severity;

/** Flags DSA and SHA-1 RSA signatures in host key and user key algorithm lists. */
public final class WeakHostKeyAlgorithmRule extends WeakAlgorithmRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.weak-host-key-algorithm", Severity.WARNING,
      "A key algorithm list enables ssh-rsa (SHA-1) or DSA signatures",
      """
      `ssh-rsa` is RSA with SHA-1 signatures, for which chosen-prefix collisions are practical;
      `ssh-dss` is 1024-bit DSA. OpenSSH 8.8 disabled `ssh-rsa` signatures by default and later
      releases drop DSA altogether. RSA keys themselves are fine: they sign with `rsa-sha2-256` and
      `rsa-sha2-512`.

      **What sshd does.** HostKeyAlgorithms, PubkeyAcceptedAlgorithms, HostbasedAcceptedAlgorithms
      and CASignatureAlgorithms each replace or edit (`+`, `-`, `^`) their default lists, which in
      9.2 contain neither algorithm.

      **Fix.** Remove `ssh-rsa`, `ssh-dss` and their `-cert-v01@openssh.com` forms. A client that
      can only do `ssh-rsa` is older than OpenSSH 7.2 and should be upgraded; if one must be
      served for a while, enable it in a `Match User` block for that account only.

      **Source.** OpenSSH 8.8 release notes; sshd_config(5); Mozilla's OpenSSH guidelines.
      """);

  public WeakHostKeyAlgorithmRule() {
    super(List.of("hostkeyalgorithms", "pubkeyacceptedalgorithms", "hostbasedacceptedalgorithms",
        "casignaturealgorithms"), Algorithms.DEFAULT_KEY_ALGORITHMS, Algorithms.ALL_KEY_ALGORITHMS);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  boolean isWeak(String a) {
    return a.startsWith("ssh-rsa") || a.startsWith("ssh-dss");
  }

  @Override
  String why() {
    return "ssh-rsa signs with SHA-1 and ssh-dss is 1024-bit DSA";
  }

  @Override
  String hint() {
    return "remove them; RSA keys keep working through rsa-sha2-256 and rsa-sha2-512";
  }
}
