package org.opsbook.checker.nginx.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.nginx.model.Blocks;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.NginxConfig;
import org.opsbook.checker.nginx.validate.Reporter;

/** {@code location /files { alias /data/; }}: /files../x maps to /data/../x. */
public final class AliasTraversalRule implements Rule<NginxConfig> {
  @Override
  public RuleInfo info() {
    return NginxRules.ALIAS_TRAVERSAL;
  }

  @Override
  public void check(NginxConfig model, Findings findings) {
    Reporter report = new Reporter(findings);
    Blocks.walk(model.directives(), (d, ancestors) -> {
      if (!d.name().equals("location") || !d.isBlock()) {
        return;
      }
      String[] loc = Blocks.location(d);
      if (!(loc[0].isEmpty() || loc[0].equals("^~")) || loc[1].endsWith("/") || loc[1].startsWith("@")) {
        return;
      }
      for (Directive alias : d.children("alias")) {
        if (alias.arg(0).endsWith("/")) {
          report.at(info(), alias, "location \"" + loc[1] + "\" has no trailing slash but its alias \"" + alias.arg(0)
              + "\" has one: a request for " + loc[1] + "../ reads " + alias.arg(0) + "../, outside the folder",
              "write location " + loc[1] + "/ (or drop the slash from the alias too)");
        }
      }
    });
  }
}
