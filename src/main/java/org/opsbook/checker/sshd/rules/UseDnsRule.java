package org.opsbook.checker.sshd.rules;

/** UseDNS yes: every login waits for the client's DNS, and Host patterns trust it. */
public final class UseDnsRule extends EnabledKeywordRule {

  public UseDnsRule() {
    super(
        "usedns",
        SshdRules.USE_DNS,
        "UseDNS yes makes sshd look the client's address up in DNS on every connection: logins wait for the"
            + " resolver, and from= host names and Match Host then trust whoever controls the client's reverse zone",
        "set UseDNS no (the default since OpenSSH 6.8) and write addresses, not names, in AllowUsers, from= and Match");
  }
}
