package org.opsbook.checker.apache.rules;

import org.opsbook.check.Findings;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.RewriteRule;
import org.opsbook.checker.apache.model.Scope;

/** A RewriteRule with two arguments whose second is a flags field: its target was lost. */
final class RewriteFlagsAsTargetRule extends LintRule {
  RewriteFlagsAsTargetRule() {
    super(ApacheRules.REWRITE_FLAGS_AS_TARGET);
  }

  @Override
  public void check(HttpdConfig config, Findings findings) {
    for (Scope s : scopes(config)) {
      for (Scope.Entry e : s.all("RewriteRule")) {
        RewriteRule r = (RewriteRule) e.value();
        String sub = r.substitution();
        if (r.flagsText().isEmpty() && sub.startsWith("[") && sub.endsWith("]") && sub.length() > 2) {
          int at = e.directive().args().indexOf(sub);
          report(findings, e.directive(), at, "RewriteRule " + r.pattern() + " " + sub + " has no target: mod_rewrite takes "
              + sub + " as the substitution and rewrites matching URLs to that literal path, with no flags",
              "put the target before the flags, such as RewriteRule " + r.pattern() + " https://www.example.org%{REQUEST_URI} "
                  + sub + ", or - if the rule only applies flags");
        }
      }
    }
  }
}
