package org.opsbook.checker.authkeys.rules;

import java.time.LocalDateTime;
import java.util.List;
import org.opsbook.checker.authkeys.model.AuthKeysRuleIds;
import org.opsbook.checker.authkeys.model.AuthorizedKeys;
import org.opsbook.checker.authkeys.model.Finding;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** auth2-pubkeyfile.c: principals= on a line without cert-authority denies every login. */
public final class PrincipalsWithoutCertAuthorityRule implements KeyLineRule {
  @Override
  public RuleId id() {
    return AuthKeysRuleIds.PRINCIPALS_WITHOUT_CERT_AUTHORITY;
  }

  @Override
  public void check(AuthorizedKeys keys, LocalDateTime now, List<Finding> out) {
    for (KeyLine k : keys.keys()) {
      if (k.has("principals") && !k.has("cert-authority")) {
        out.add(new Finding(k.line(), k.option("principals").get().column(), id(), Severity.ERROR,
            "principals= only makes sense with cert-authority; on a plain key sshd denies every login "
                + "(\"principals on non-CA key\")",
            "add cert-authority if this is a CA key, or remove principals="));
      }
    }
  }
}
