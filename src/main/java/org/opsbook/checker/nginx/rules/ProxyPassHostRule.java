package org.opsbook.checker.nginx.rules;

import java.util.Locale;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.nginx.model.Blocks;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.NginxConfig;
import org.opsbook.checker.nginx.validate.Cidr;
import org.opsbook.checker.nginx.validate.Reporter;

/** proxy_pass to a host name while no proxy_set_header Host is in effect: the upstream sees that name. */
public final class ProxyPassHostRule implements Rule<NginxConfig> {
  @Override
  public RuleInfo info() {
    return NginxRules.PROXY_HOST;
  }

  @Override
  public void check(NginxConfig model, Findings findings) {
    Reporter report = new Reporter(findings);
    Blocks.walk(model.directives(), (d, ancestors) -> {
      if (!d.name().equals("proxy_pass") || ancestors.isEmpty()) {
        return;
      }
      String url = d.arg(0);
      if (url.contains("$")) {
        return;
      }
      String rest = url.replaceFirst("(?i)^https?://", "");
      String host = rest.split("[/:]", 2)[0].toLowerCase(Locale.ROOT);
      if (host.isEmpty() || host.equals("localhost") || Cidr.isIpv4(host) || host.startsWith("[")) {
        return;
      }
      Directive block = ancestors.get(ancestors.size() - 1);
      boolean hostSet = Inherited.effective("proxy_set_header", block, ancestors.subList(0, ancestors.size() - 1))
          .stream().anyMatch(h -> h.arg(0).equalsIgnoreCase("host"));
      if (!hostSet) {
        report.at(info(), d, "the upstream receives \"Host: " + host + "\", not the host name the client asked for",
            "add proxy_set_header Host $host; (or include proxy_params)");
      }
    });
  }
}
