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

/** The author's vcl_hash returns lookup on a way through that hashed neither the Host header nor the server address. */
final class HashWithoutHostRule implements Rule<VclProgram> {
  @Override
  public RuleInfo info() {
    return VclRules.HASH_WITHOUT_HOST;
  }

  @Override
  public void check(VclProgram p, Findings findings) {
    SubDef hash = p.sub("vcl_hash").orElse(null);
    if (hash == null || hash.authorsBodies().isEmpty()) {
      return;
    }
    List<Paths.End<Boolean>> ends = Paths.walk(p, hash.authorsBodies(), false, new Paths.Tracker<>() {
      @Override
      public Boolean condition(Boolean s, Expr cond, boolean holds) {
        return s;
      }

      @Override
      public Boolean statement(Boolean hashed, Stmt st) {
        if (st instanceof Stmt.HashData h && Paths.reads(h.value(), n -> n.equals("req.http.host")
            || n.equals("server.ip") || n.equals("local.ip") || n.equals("req.http.x-forwarded-host"))) {
          return true;
        }
        return hashed;
      }
    });
    if (ends == null) {
      return;
    }
    for (Paths.End<Boolean> e : ends) {
      if (e.ret() != null && e.ret().action() == ReturnAction.LOOKUP && !e.state()) {
        Reporting.at(findings, info(), e.ret().pos(), "this return (lookup) skips the built-in vcl_hash without"
            + " hashing the Host header: every virtual host shares one cached copy of each URL",
            "add hash_data(req.http.host); (or server.ip when there is no Host)");
        return;
      }
    }
  }
}
