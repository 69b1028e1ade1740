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
 * A purge or ban in vcl_recv reached on a way through that never checked who is asking: no ACL,
 * no client or server address, no Authorization header.
 */
final class UnprotectedPurgeRule implements Rule<VclProgram> {
  @Override
  public RuleInfo info() {
    return VclRules.UNPROTECTED_PURGE;
  }

  private static boolean guards(Expr cond) {
    return Paths.matchesAcl(cond) || Paths.reads(cond, n -> n.equals("client.ip") || n.equals("remote.ip")
        || n.equals("server.ip") || n.equals("local.ip") || n.equals("req.http.authorization"));
  }

  @Override
  public void check(VclProgram p, Findings findings) {
    SubDef recv = p.sub("vcl_recv").orElse(null);
    if (recv == null || recv.authorsBodies().isEmpty()) {
      return;
    }
    List<Paths.End<Boolean>> ends = Paths.walk(p, recv.authorsBodies(), false, new Paths.Tracker<>() {
      @Override
      public Boolean condition(Boolean checked, Expr cond, boolean holds) {
        return checked || guards(cond);
      }

      @Override
      public Boolean statement(Boolean checked, Stmt st) {
        if (!checked && (st instanceof Stmt.Ban || st instanceof Stmt.Effect e
            && e.call().signature().name().toLowerCase(Locale.ROOT).endsWith(".ban"))) {
          Reporting.at(findings, info(), st.pos(), "anyone can send this ban: no condition on the way checks the"
              + " client", "check the client first, e.g. with an ACL: if (!client.ip ~ purgers) { return"
              + " (synth(405)); }");
        }
        return checked;
      }
    });
    if (ends == null) {
      return;
    }
    for (Paths.End<Boolean> e : ends) {
      if (e.ret() != null && e.ret().action() == ReturnAction.PURGE && !e.state()) {
        Reporting.at(findings, info(), e.ret().pos(), "anyone can purge: no condition on the way to this return"
            + " (purge) checks the client", "check the client first, e.g. with an ACL: if (!client.ip ~ purgers)"
            + " { return (synth(405)); }");
        return;
      }
    }
  }
}
