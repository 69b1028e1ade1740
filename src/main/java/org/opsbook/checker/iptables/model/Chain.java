package org.opsbook.checker.iptables.model;

import java.util.List;

/**
 * A chain as the rule set leaves it: built-in chains have a policy ({@code ACCEPT} or {@code
 * DROP}); user chains have {@code null}.
 *
 * @param policyLine snippet line where the policy was set, 0 when it is the default
 */
public record Chain(String name, boolean builtin, String policy, int policyLine, List<Rule> rules) {
  public Chain {
    rules = List.copyOf(rules);
  }
}
