package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.openssh.Algorithms;
import org.opsbook.diag.Severity;

/** Flags DSA and SHA-1 RSA signatures in host key and user key algorithm lists. */
public final class WeakHostKeyAlgorithmRule extends WeakAlgorithmRule {

  public WeakHostKeyAlgorithmRule() {
    super(List.of("hostkeyalgorithms", "pubkeyacceptedalgorithms", "hostbasedacceptedalgorithms",
        "casignaturealgorithms"), Algorithms.DEFAULT_KEY_ALGORITHMS, Algorithms.KEY_ALGORITHMS);
  }

  @Override
  public RuleInfo info() {
    return SshdRules.WEAK_HOST_KEY_ALGORITHM;
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
