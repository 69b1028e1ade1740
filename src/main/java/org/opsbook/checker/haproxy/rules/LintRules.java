package org.opsbook.checker.haproxy.rules;

import java.util.List;
import org.opsbook.check.Rule;
import org.opsbook.checker.haproxy.model.HaproxyConfig;

/** The lint rules, in the order they run. */
public final class LintRules {
  private LintRules() {}

  public static final List<Rule<HaproxyConfig>> ALL = List.of(new UnusedAclRule(), new HttpcloseRule(),
      new WeakTlsRule(), new UnreachableRuleRule(), new ModeMismatchRule(), new RetryAfterRule());
}
