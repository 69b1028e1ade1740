package org.opsbook.checker.haproxy.rules;

import java.util.Set;
import java.util.TreeSet;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.haproxy.model.Acl;
import org.opsbook.checker.haproxy.model.HaproxyConfig;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Proxy;

/** An {@code acl} that no condition of its section names. */
public final class UnusedAclRule implements Rule<HaproxyConfig> {
  @Override
  public RuleInfo info() {
    return HaproxyRules.UNUSED_ACL;
  }

  @Override
  public void check(HaproxyConfig model, Findings findings) {
    for (Proxy p : model.proxies()) {
      if (p.isWrapper()) {
        continue;
      }
      Set<String> used = new TreeSet<>();
      for (Line l : p.section().lines()) {
        boolean condition = false;
        for (int i = 1; i < l.size() && !l.keyword().equals("acl"); i++) {
          String w = l.arg(i);
          if (w.equals("if") || w.equals("unless")) {
            condition = true;
          } else if (condition) {
            used.add(w.startsWith("!") ? w.substring(1) : w);
          }
        }
      }
      for (Acl a : p.acls()) {
        Line first = a.firstLine();
        if (!used.contains(a.name()) && p.section().lines().contains(first)) {
          Lines.report(findings, info(), first, 1, "acl '" + a.name() + "' is declared but no condition in "
              + p.kind().keyword() + " '" + p.name() + "' uses it", "use it in a rule (http-request deny if " + a.name()
              + ") or remove it");
        }
      }
    }
  }
}
