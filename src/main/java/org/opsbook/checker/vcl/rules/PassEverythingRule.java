package org.opsbook.checker.vcl.rules;

import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.vcl.catalogue.ReturnAction;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.model.Stmt;
import org.opsbook.checker.vcl.model.SubDef;
import org.opsbook.checker.vcl.model.VclProgram;

/** The author's vcl_recv ends every way through with {@code return (pass)}. */
final class PassEverythingRule implements Rule<VclProgram> {
  @Override
  public RuleInfo info() {
    return VclRules.PASS_EVERYTHING;
  }

  @Override
  public void check(VclProgram p, Findings findings) {
    SubDef recv = p.sub("vcl_recv").orElse(null);
    if (recv == null || recv.authorsBodies().isEmpty()) {
      return;
    }
    List<Paths.End<Boolean>> ends = Paths.walk(p, recv.authorsBodies(), true, new Paths.Tracker<>() {
      @Override
      public Boolean condition(Boolean s, Expr cond, boolean holds) {
        return s;
      }

      @Override
      public Boolean statement(Boolean s, Stmt st) {
        return s;
      }
    });
    if (ends == null || ends.isEmpty()) {
      return;
    }
    Stmt.Return first = null;
    for (Paths.End<Boolean> e : ends) {
      if (e.ret() == null || e.ret().action() != ReturnAction.PASS) {
        return;
      }
      if (first == null) {
        first = e.ret();
      }
    }
    Reporting.at(findings, info(), first.pos(), "every request that reaches vcl_recv returns pass: nothing is cached",
        "add the condition that should select the requests to pass");
  }
}
