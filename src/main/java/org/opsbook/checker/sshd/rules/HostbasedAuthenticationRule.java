package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** HostbasedAuthentication trusts other hosts to vouch for users. */
public final class HostbasedAuthenticationRule extends EnabledKeywordRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.hostbased-authentication", Severity.WARNING,
      "HostbasedAuthentication trusts other hosts to vouch for users",
      """
Host-based authentication trusts the client host's key plus `.shosts`/`hosts.equiv` to decide who
the user is. A single compromised host then vouches for everyone.

**What sshd does.** Default `no`. With `yes`, sshd checks the client host key against known hosts
files and the user against `/etc/hosts.equiv`, `/etc/ssh/shosts.equiv` and `~/.shosts`.

**Fix.** Write `HostbasedAuthentication no` and use per-user keys or certificates.

**Source.** sshd_config(5); CIS benchmarks, "Ensure SSH HostbasedAuthentication is disabled".
      """);

  public HostbasedAuthenticationRule() {
    super(
        "hostbasedauthentication",
        INFO,
        "HostbasedAuthentication yes lets users log in because another host says who they are",
        "set HostbasedAuthentication no (the default)");
  }
}
