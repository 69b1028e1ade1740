package org.opsbook.checker.nginx.validate;

import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.nginx.model.Arg;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Source;

/** Reports findings at directives and arguments of any file, the snippet's own or an included one. */
public record Reporter(Findings findings) {

  public void at(RuleInfo rule, Directive d, String message, String hint) {
    findings.reportAt(rule, d.source().at(d.line(), d.column()), message, hint);
  }

  public void at(RuleInfo rule, Directive d, String message) {
    at(rule, d, message, null);
  }

  public void at(RuleInfo rule, Directive d, Arg a, String message, String hint) {
    findings.reportAt(rule, d.source().at(a.line(), a.column()), message, hint);
  }

  public void at(RuleInfo rule, Source source, int line, int column, String message, String hint) {
    findings.reportAt(rule, source.at(line, column), message, hint);
  }
}
