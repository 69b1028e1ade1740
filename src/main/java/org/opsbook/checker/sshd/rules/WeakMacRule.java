package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.catalog.Algorithms;
import org.opsbook.diag.Severity;

/** Flags MD5, SHA-1, truncated and 64-bit-tag MACs. */
public final class WeakMacRule extends WeakAlgorithmRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.weak-mac", Severity.WARNING,
      "MACs enables MD5, SHA-1, truncated or 64-bit MACs",
      """
      The MAC protects every packet against tampering. HMAC-MD5 and HMAC-SHA1 rest on broken hash
      functions, the `-96` variants truncate the tag, and `umac-64` has a 64-bit tag. Mozilla's
      modern profile keeps only SHA-2 HMACs and UMAC-128, preferring the encrypt-then-MAC (`-etm`)
      forms.

      **What sshd does.** `MACs` replaces the default list (which in 9.2 still includes
      `hmac-sha1` and `umac-64` for compatibility); `+`, `-` and `^` edit it.

      **Fix.** Write
      `MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-512,hmac-sha2-256,umac-128@openssh.com`.

      **Source.** sshd_config(5); Mozilla's OpenSSH guidelines.
      """);

  public WeakMacRule() {
    super(List.of("macs"), Algorithms.DEFAULT_MACS, Algorithms.ALL_MACS);
  }

  @Override
  public RuleInfo info() {
    return INFO;
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
