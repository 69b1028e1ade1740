package org.opsbook.checker.authkeys.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.authkeys.model.KeyFile;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.model.PublicKeyInfo;

/** DSA keys (disabled by default since OpenSSH 7.0) and RSA keys under 2048 bits. */
public final class WeakKeyRule implements Rule<KeyFile> {
  @Override
  public RuleInfo info() {
    return AuthorizedKeysRules.WEAK_KEY;
  }

  @Override
  public void check(KeyFile file, Findings findings) {
    for (KeyLine k : file.usable()) {
      if (k.key().isEmpty()) {
        continue;
      }
      PublicKeyInfo info = k.key().get();
      if (info.blobType().startsWith("ssh-dss")) {
        findings.report(info(), k.line(), k.keyTypeColumn(),
            "DSA key: sshd has refused DSA by default since OpenSSH 7.0 (PubkeyAcceptedAlgorithms), so this key "
                + "most likely cannot log in at all",
            "replace it: ssh-keygen -t ed25519");
      } else if (info.blobType().startsWith("ssh-rsa") && info.bits() < 2048) {
        findings.report(info(), k.line(), k.keyTypeColumn(),
            "RSA key of only " + info.bits() + " bits; current guidance asks for at least 2048 (3072 preferred)",
            "replace it: ssh-keygen -t ed25519, or ssh-keygen -t rsa -b 3072");
      }
    }
  }
}
