package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** AllowAgentForwarding is explicitly turned on. */
public final class AgentForwardingRule extends EnabledKeywordRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.agent-forwarding", Severity.WARNING,
      "AllowAgentForwarding is explicitly turned on",
      """
A forwarded agent socket lets the server sign authentication requests with the user's keys for
as long as the session lasts. On a shared host, root (or anyone who compromises the account) can
use it to log in elsewhere as that user.

**What sshd does.** `AllowAgentForwarding` defaults to `yes`; sshd then honours the client's
forwarding request. Turning it off does not stop users who have a shell from running their own
forwarder, but it removes the default path.

**Fix.** Write `AllowAgentForwarding no` on bastions and shared hosts, and teach people to use
`ProxyJump`, which needs no agent on the intermediate host.

**Source.** sshd_config(5); Mozilla's OpenSSH guidelines (recommend against agent forwarding).
      """);

  public AgentForwardingRule() {
    super(
        "allowagentforwarding",
        INFO,
        "AllowAgentForwarding yes: anyone with root on this host can use the keys of users who forward their agent",
        "set AllowAgentForwarding no on shared hosts; jump through hosts with ProxyJump instead of forwarding the agent");
  }
}
