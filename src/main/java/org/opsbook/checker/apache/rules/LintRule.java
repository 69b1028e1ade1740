package org.opsbook.checker.apache.rules;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.apache.model.Directive;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Position;
import org.opsbook.checker.apache.model.Scope;

/** What the Apache lint rules share: walking scopes and reporting at a directive, in whichever file it is. */
abstract class LintRule implements Rule<HttpdConfig> {
  private final RuleInfo info;

  LintRule(RuleInfo info) {
    this.info = info;
  }

  @Override
  public final RuleInfo info() {
    return info;
  }

  void report(Findings findings, Directive d, int argOffset, String message, String hint) {
    Position p = argOffset < 0 ? d.at() : d.argAt(argOffset);
    if (p.source().equals(findings.snippet())) {
      findings.report(info, p.line(), p.column(), message, hint);
    } else {
      findings.reportAt(info, p.span(), message, hint);
    }
  }

  /** Every scope, depth first, the server first. */
  static List<Scope> scopes(HttpdConfig config) {
    List<Scope> out = new ArrayList<>();
    collect(config.server(), out);
    return out;
  }

  private static void collect(Scope s, List<Scope> out) {
    out.add(s);
    for (Scope c : s.children()) {
      collect(c, out);
    }
  }

  /** Every entry of a scope and the scopes inside it. */
  static List<Scope.Entry> entriesWithin(Scope s) {
    List<Scope.Entry> out = new ArrayList<>(s.entries());
    for (Scope c : s.children()) {
      out.addAll(entriesWithin(c));
    }
    return out;
  }
}
