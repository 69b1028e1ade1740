package org.opsbook.checker.nginx.rules;

import java.util.Set;
import java.util.TreeSet;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.nginx.model.Blocks;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.NginxConfig;
import org.opsbook.checker.nginx.model.Wrap;
import org.opsbook.checker.nginx.validate.Reporter;

/** {@code if} inside a location doing more than {@code return} or {@code rewrite}. */
public final class IfInLocationRule implements Rule<NginxConfig> {
  @Override
  public RuleInfo info() {
    return NginxRules.IF_IN_LOCATION;
  }

  @Override
  public void check(NginxConfig model, Findings findings) {
    Reporter report = new Reporter(findings);
    Blocks.walk(model.directives(), (d, ancestors) -> {
      if (!d.name().equals("if") || !d.isBlock()) {
        return;
      }
      boolean inLocation = ancestors.isEmpty() ? model.wrap() == Wrap.LOCATION
          : ancestors.get(ancestors.size() - 1).name().equals("location");
      if (!inLocation) {
        return;
      }
      Set<String> others = new TreeSet<>();
      for (Directive c : d.children()) {
        if (!c.name().equals("return") && !c.name().equals("rewrite") && !c.name().equals("break")) {
          others.add(c.name());
        }
      }
      if (!others.isEmpty()) {
        report.at(info(), d, "\"if\" in a location with " + String.join(", ", others)
            + ": the if block becomes a location of its own, and only return and rewrite behave as written there",
            "use map to compute a value, or a separate location; keep only return or rewrite inside the if");
      }
    });
  }
}
