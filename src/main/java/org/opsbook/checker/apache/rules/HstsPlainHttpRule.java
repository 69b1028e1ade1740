package org.opsbook.checker.apache.rules;

import java.util.Locale;
import org.opsbook.check.Findings;
import org.opsbook.checker.apache.model.HeaderAction;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Scope;

/** Strict-Transport-Security set in a virtual host without SSLEngine on: browsers ignore it there. */
final class HstsPlainHttpRule extends LintRule {
  HstsPlainHttpRule() {
    super(ApacheRules.HSTS_PLAIN_HTTP);
  }

  @Override
  public void check(HttpdConfig config, Findings findings) {
    for (Scope vhost : config.virtualHosts()) {
      boolean tls = vhost.last("SSLEngine").map(e -> !e.directive().word(0).equalsIgnoreCase("off")).orElse(false);
      if (tls) {
        continue;
      }
      check(vhost, vhost, findings);
    }
  }

  private void check(Scope vhost, Scope s, Findings findings) {
    if (s.kind() == Scope.Kind.IF || s.kind() == Scope.Kind.ELSE_IF || s.kind() == Scope.Kind.ELSE) {
      // A condition (%{HTTPS}, a forwarded scheme) may limit it to HTTPS: not judged.
      return;
    }
    for (Scope.Entry e : s.all("Header")) {
      HeaderAction a = (HeaderAction) e.value();
      boolean hsts = a.header().toLowerCase(Locale.ROOT).equals("strict-transport-security");
      boolean adds = !a.action().equals("unset") && !a.action().equals("echo") && !a.action().startsWith("edit");
      if (hsts && adds && a.condition() == null && a.envVar() == null) {
        report(findings, e.directive(), -1, "Strict-Transport-Security is sent by <VirtualHost " + vhost.argument().strip()
            + ">, which has no SSLEngine on: browsers ignore the header over plain HTTP (RFC 6797, section 8.1)",
            "send it from the HTTPS virtual host, and redirect this one to HTTPS");
      }
    }
    for (Scope c : s.children()) {
      check(vhost, c, findings);
    }
  }
}
