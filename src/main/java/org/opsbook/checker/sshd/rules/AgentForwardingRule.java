package org.opsbook.checker.sshd.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** AllowAgentForwarding is explicitly turned on. */
public final class AgentForwardingRule extends EnabledKeywordRule {

  public AgentForwardingRule() {
    super(
        "allowagentforwarding",
        SshdRules.AGENT_FORWARDING,
        "AllowAgentForwarding yes: anyone with root on this host can use the keys of users who forward their agent",
        "set AllowAgentForwarding no on shared hosts; jump through hosts with ProxyJump instead of forwarding the agent");
  }
}
