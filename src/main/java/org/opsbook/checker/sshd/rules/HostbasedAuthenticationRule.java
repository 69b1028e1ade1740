package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** HostbasedAuthentication trusts other hosts to vouch for users. */
public final class HostbasedAuthenticationRule extends EnabledKeywordRule {

  public HostbasedAuthenticationRule() {
    super(
        "hostbasedauthentication",
        SshdRules.HOSTBASED_AUTHENTICATION,
        "HostbasedAuthentication yes lets users log in because another host says who they are",
        "set HostbasedAuthentication no (the default)");
  }
}
