package org.opsbook.checker.nginx.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.nginx.model.Blocks;
import org.opsbook.checker.nginx.model.NginxConfig;
import org.opsbook.checker.nginx.validate.Reporter;

/** {@code server_tokens on} (or {@code build}): the version goes out in every response. */
public final class ServerTokensRule implements Rule<NginxConfig> {
  @Override
  public RuleInfo info() {
    return NginxRules.SERVER_TOKENS;
  }

  @Override
  public void check(NginxConfig model, Findings findings) {
    Reporter report = new Reporter(findings);
    Blocks.walk(model.directives(), (d, ancestors) -> {
      if (d.name().equals("server_tokens") && !d.arg(0).equalsIgnoreCase("off") && d.args().size() == 1) {
        report.at(info(), d, "server_tokens " + d.arg(0) + " sends the nginx version in the Server header and on "
            + "error pages", "server_tokens off;");
      }
    });
  }
}
