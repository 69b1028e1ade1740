package org.opsbook.checker.vcl.rules;

import java.util.List;
import java.util.Locale;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.vcl.catalogue.ReturnAction;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.model.Stmt;
import org.opsbook.checker.vcl.model.SubDef;
import org.opsbook.checker.vcl.model.VclProgram;

/**
 * A {@code return (deliver)} in the author's vcl_backend_response, on a way through that never
 * looked at {@code beresp.http.Set-Cookie} and did not make the response uncacheable: it skips the
 * built-in check that keeps responses setting cookies out of the cache.
 */
final class CacheSetCookieRule implements Rule<VclProgram> {
  @Override
  public RuleInfo info() {
    return VclRules.CACHE_SET_COOKIE;
  }

  @Override
  public void check(VclProgram p, Findings findings) {
    SubDef sub = p.sub("vcl_backend_response").orElse(null);
    if (sub == null || sub.authorsBodies().isEmpty()) {
      return;
    }
    List<Paths.End<Boolean>> ends = Paths.walk(p, sub.authorsBodies(), false, new Paths.Tracker<>() {
      @Override
      public Boolean condition(Boolean handled, Expr cond, boolean holds) {
        return handled || Paths.reads(cond, n -> n.equals("beresp.http.set-cookie"))
            || Paths.reads(cond, n -> n.equals("bereq.uncacheable"));
      }

      @Override
      public Boolean statement(Boolean handled, Stmt st) {
        if (st instanceof Stmt.Unset u && u.target().name().toLowerCase(Locale.ROOT).equals("beresp.http.set-cookie")) {
          return true;
        }
        if (st instanceof Stmt.Set s) {
          String n = s.target().name().toLowerCase(Locale.ROOT);
          if (n.equals("beresp.uncacheable") && s.value() instanceof Expr.BoolLit b && b.value()) {
            return true;
          }
          if (n.equals("beresp.ttl") && s.op().equals("=") && s.value() instanceof Expr.NumberLit d
              && d.value() <= 0) {
            return true;
          }
        }
        return handled;
      }
    });
    if (ends == null) {
      return;
    }
    for (Paths.End<Boolean> e : ends) {
      if (e.ret() != null && e.ret().action() == ReturnAction.DELIVER && !e.state()) {
        Reporting.at(findings, info(), e.ret().pos(), "this return (deliver) skips the built-in vcl_backend_response,"
            + " so a response with Set-Cookie can be cached and its cookie served to everyone",
            "unset beresp.http.Set-Cookie, or set beresp.uncacheable = true when it is present, before returning");
        return;
      }
    }
  }
}
