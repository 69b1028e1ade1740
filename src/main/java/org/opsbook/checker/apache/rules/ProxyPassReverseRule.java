package org.opsbook.checker.apache.rules;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.ProxyPassEntry;
import org.opsbook.checker.apache.model.Scope;

/** A ProxyPass whose backend redirects would leak: no ProxyPassReverse for the same path and URL. */
final class ProxyPassReverseRule extends LintRule {
  ProxyPassReverseRule() {
    super(ApacheRules.PROXYPASS_NO_REVERSE);
  }

  @Override
  public void check(HttpdConfig config, Findings findings) {
    if (config.unchecked()) {
      return;
    }
    List<ProxyPassEntry> mainReverses = reverses(config.server(), false);
    check(config.server(), mainReverses, false, findings);
    for (Scope vhost : config.virtualHosts()) {
      List<ProxyPassEntry> all = new ArrayList<>(mainReverses);
      all.addAll(reverses(vhost, true));
      check(vhost, all, true, findings);
    }
  }

  private static List<ProxyPassEntry> reverses(Scope s, boolean inVhost) {
    List<ProxyPassEntry> out = new ArrayList<>();
    for (Scope.Entry e : s.entries()) {
      if (e.value() instanceof ProxyPassEntry p && p.reverse()) {
        out.add(p);
      }
    }
    for (Scope c : s.children()) {
      if (c.kind() != Scope.Kind.VIRTUAL_HOST || inVhost) {
        out.addAll(reverses(c, inVhost));
      }
    }
    return out;
  }

  private void check(Scope s, List<ProxyPassEntry> reverses, boolean inVhost, Findings findings) {
    for (Scope.Entry e : s.all("ProxyPass")) {
      ProxyPassEntry p = (ProxyPassEntry) e.value();
      if (p.isExclusion() || p.regex() != null || p.target().startsWith("balancer://")) {
        continue;
      }
      boolean covered = reverses.stream().anyMatch(r -> same(r.target(), p.target()) && same(r.path(), p.path()));
      if (!covered) {
        report(findings, e.directive(), -1, "ProxyPass " + p.path() + " " + p.target()
            + " has no ProxyPassReverse: a redirect from the backend names " + p.target() + " to the client",
            "add ProxyPassReverse " + p.path() + " " + p.target());
      }
    }
    for (Scope c : s.children()) {
      if (c.kind() != Scope.Kind.VIRTUAL_HOST || inVhost) {
        check(c, reverses, inVhost, findings);
      }
    }
  }

  private static boolean same(String a, String b) {
    String x = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
    String y = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    return x.equals(y);
  }
}
