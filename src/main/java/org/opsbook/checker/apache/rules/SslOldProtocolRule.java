package org.opsbook.checker.apache.rules;

import java.util.List;
import java.util.Set;
import org.opsbook.check.Findings;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Scope;

/** SSLProtocol lines that leave TLS 1.0 or 1.1 enabled. */
final class SslOldProtocolRule extends LintRule {
  SslOldProtocolRule() {
    super(ApacheRules.SSL_OLD_PROTOCOL);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void check(HttpdConfig config, Findings findings) {
    for (Scope s : scopes(config)) {
      for (Scope.Entry e : s.entries()) {
        if (!(e.is("SSLProtocol") || e.is("SSLProxyProtocol")) || !(e.value() instanceof Set<?> on)) {
          continue;
        }
        List<String> old = ((Set<String>) on).stream().filter(p -> p.equals("TLSv1") || p.equals("TLSv1.1")).sorted().toList();
        if (!old.isEmpty()) {
          report(findings, e.directive(), -1, e.directive().name() + " " + e.directive().args() + " enables "
              + String.join(" and ", old) + ", deprecated since RFC 8996", e.directive().name() + " -all +TLSv1.2 +TLSv1.3");
        }
      }
    }
  }
}
