package org.opsbook.checker.nginx.rules;

import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.nginx.model.Arg;
import org.opsbook.checker.nginx.model.Blocks;
import org.opsbook.checker.nginx.model.NginxConfig;
import org.opsbook.checker.nginx.validate.Reporter;

/** {@code ssl_protocols} with SSLv2, SSLv3, TLSv1 or TLSv1.1. */
public final class WeakTlsRule implements Rule<NginxConfig> {
  private static final List<String> WEAK = List.of("SSLv2", "SSLv3", "TLSv1", "TLSv1.1");

  @Override
  public RuleInfo info() {
    return NginxRules.WEAK_TLS;
  }

  @Override
  public void check(NginxConfig model, Findings findings) {
    Reporter report = new Reporter(findings);
    Blocks.walk(model.directives(), (d, ancestors) -> {
      if (!d.name().equals("ssl_protocols")) {
        return;
      }
      for (Arg a : d.args()) {
        if (WEAK.stream().anyMatch(w -> w.equalsIgnoreCase(a.value()))) {
          report.at(info(), d, a, a.value() + " is obsolete (RFC 8996) and should not be offered",
              "ssl_protocols TLSv1.2 TLSv1.3;");
          return;
        }
      }
    });
  }
}
