package org.opsbook.checker.authkeys.rules;

import java.time.LocalDateTime;
import java.util.List;
import org.opsbook.checker.authkeys.model.AuthKeysRuleIds;
import org.opsbook.checker.authkeys.model.AuthorizedKeys;
import org.opsbook.checker.authkeys.model.Finding;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.model.PublicKeyInfo;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** DSA keys (disabled by default since OpenSSH 7.0) and RSA keys under 2048 bits. */
public final class WeakKeyRule implements KeyLineRule {
  @Override
  public RuleId id() {
    return AuthKeysRuleIds.WEAK_KEY;
  }

  @Override
  public void check(AuthorizedKeys keys, LocalDateTime now, List<Finding> out) {
    for (KeyLine k : keys.keys()) {
      if (k.key().isEmpty()) {
        continue;
      }
      PublicKeyInfo info = k.key().get();
      if (info.blobType().startsWith("ssh-dss")) {
        out.add(new Finding(k.line(), k.keyTypeColumn(), id(), Severity.WARNING,
            "DSA key: sshd has refused DSA by default since OpenSSH 7.0 (PubkeyAcceptedAlgorithms), so this key "
                + "most likely cannot log in at all",
            "replace it: ssh-keygen -t ed25519"));
      } else if (info.blobType().startsWith("ssh-rsa") && info.bits() < 2048) {
        out.add(new Finding(k.line(), k.keyTypeColumn(), id(), Severity.WARNING,
            "RSA key of only " + info.bits() + " bits; current guidance asks for at least 2048 (3072 preferred)",
            "replace it: ssh-keygen -t ed25519, or ssh-keygen -t rsa -b 3072"));
      }
    }
  }
}
