package org.opsbook.checker.haproxy.rules;

import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.haproxy.model.HaproxyConfig;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Section;

/** {@code ssl-min-ver} below TLSv1.2 or a {@code force-} option for an old protocol, on binds, servers or the global defaults. */
public final class WeakTlsRule implements Rule<HaproxyConfig> {
  private static final List<String> OLD = List.of("SSLv3", "TLSv1.0", "TLSv1.1");
  private static final List<String> FORCE = List.of("force-sslv3", "force-tlsv10", "force-tlsv11");

  @Override
  public RuleInfo info() {
    return HaproxyRules.WEAK_TLS;
  }

  @Override
  public void check(HaproxyConfig model, Findings findings) {
    for (Section s : model.sections()) {
      for (Line l : s.lines()) {
        String kw = l.keyword();
        boolean relevant = kw.equals("bind") || kw.equals("server") || kw.equals("default-server")
            || kw.equals("ssl-default-bind-options") || kw.equals("ssl-default-server-options");
        if (!relevant) {
          continue;
        }
        for (int i = 1; i < l.size(); i++) {
          String w = l.arg(i);
          if (w.equals("ssl-min-ver") && OLD.contains(l.arg(i + 1))) {
            Lines.report(findings, info(), l, i + 1, "ssl-min-ver " + l.arg(i + 1) + " allows a protocol RFC 8996 "
                + "deprecated", "ssl-min-ver TLSv1.2");
            break;
          }
          if (FORCE.contains(w)) {
            Lines.report(findings, info(), l, i, w + " limits TLS to a protocol RFC 8996 deprecated",
                "remove it; HAProxy 2.6 offers TLSv1.2 and TLSv1.3 by default");
            break;
          }
        }
      }
    }
  }
}
