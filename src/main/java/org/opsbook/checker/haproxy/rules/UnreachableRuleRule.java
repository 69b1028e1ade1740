package org.opsbook.checker.haproxy.rules;

import java.util.Set;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.haproxy.model.HaproxyConfig;
import org.opsbook.checker.haproxy.model.Proxy;
import org.opsbook.checker.haproxy.model.SectionKind;

/** {@code http-request} rules after one that ends processing for every request, in the same proxy. */
public final class UnreachableRuleRule implements Rule<HaproxyConfig> {
  /** Actions after which HAProxy evaluates no further http-request rule of the proxy. */
  private static final Set<String> FINAL = Set.of("deny", "return", "redirect", "tarpit", "reject", "silent-drop",
      "auth", "use-service", "allow");

  @Override
  public RuleInfo info() {
    return HaproxyRules.UNREACHABLE_RULE;
  }

  @Override
  public void check(HaproxyConfig model, Findings findings) {
    for (Proxy p : model.proxies()) {
      if (p.kind() == SectionKind.DEFAULTS) {
        continue;
      }
      org.opsbook.checker.haproxy.model.Rule stopper = null;
      for (org.opsbook.checker.haproxy.model.Rule r : p.httpRequest()) {
        if (stopper != null) {
          if (p.section().lines().contains(r.line())) {
            Lines.report(findings, info(), r.line(), 1, "this http-request rule never runs: 'http-request "
                + stopper.action() + "' on line " + stopper.line().number() + " applies to every request first",
                "give line " + stopper.line().number() + " the condition it was meant to have, or move this rule above it");
          }
          break;
        }
        if (r.isUnconditional() && FINAL.contains(r.action())) {
          stopper = r;
        }
      }
    }
  }
}
