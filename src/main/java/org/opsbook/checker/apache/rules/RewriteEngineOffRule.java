package org.opsbook.checker.apache.rules;

import org.opsbook.check.Findings;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Scope;

/**
 * RewriteRules in a scope whose RewriteEngine is not on. The engine state is inherited (main
 * server, virtual host, section), the rules are not.
 */
final class RewriteEngineOffRule extends LintRule {
  RewriteEngineOffRule() {
    super(ApacheRules.REWRITE_ENGINE_OFF);
  }

  @Override
  public void check(HttpdConfig config, Findings findings) {
    if (config.wrapping() != HttpdConfig.Wrapping.SERVER || config.unchecked()) {
      return;
    }
    walk(config.server(), false, findings);
  }

  private void walk(Scope s, boolean inherited, Findings findings) {
    boolean on = inherited;
    for (Scope.Entry e : s.all("RewriteEngine")) {
      on = Boolean.TRUE.equals(e.value());
    }
    if (!on && !s.all("RewriteRule").isEmpty()) {
      Scope.Entry first = s.all("RewriteRule").get(0);
      String where = s.section() == null ? "the server" : s.section().name() + " " + s.argument().strip() + ">";
      report(findings, first.directive(), -1, "RewriteRule in " + where + " does nothing: RewriteEngine is not on there",
          "add RewriteEngine On to " + where);
    }
    for (Scope c : s.children()) {
      walk(c, on, findings);
    }
  }
}
