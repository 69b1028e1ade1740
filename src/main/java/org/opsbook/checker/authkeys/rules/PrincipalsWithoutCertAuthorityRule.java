package org.opsbook.checker.authkeys.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.authkeys.model.KeyFile;
import org.opsbook.checker.authkeys.model.KeyLine;

/** auth2-pubkeyfile.c: principals= on a line without cert-authority denies every login. */
public final class PrincipalsWithoutCertAuthorityRule implements Rule<KeyFile> {
  @Override
  public RuleInfo info() {
    return AuthorizedKeysRules.PRINCIPALS_WITHOUT_CERT_AUTHORITY;
  }

  @Override
  public void check(KeyFile file, Findings findings) {
    for (KeyLine k : file.usable()) {
      if (k.has("principals") && !k.has("cert-authority")) {
        findings.report(info(), k.line(), k.option("principals").get().column(),
            "principals= only makes sense with cert-authority; on a plain key sshd denies every login "
                + "(\"principals on non-CA key\")",
            "add cert-authority if this is a CA key, or remove principals=");
      }
    }
  }
}
