package org.opsbook.checker.vcl.rules;

import java.util.Locale;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.vcl.catalogue.SubMethod;
import org.opsbook.checker.vcl.model.Stmt;
import org.opsbook.checker.vcl.model.SubDef;
import org.opsbook.checker.vcl.model.VclProgram;

/** Client-side code that sets X-Forwarded-For from the client address, which Varnish already appended. */
final class XForwardedForRule implements Rule<VclProgram> {
  @Override
  public RuleInfo info() {
    return VclRules.X_FORWARDED_FOR;
  }

  @Override
  public void check(VclProgram p, Findings findings) {
    for (SubDef s : p.subs().values()) {
      if (s.method() != null && s.method() != SubMethod.RECV) {
        continue;
      }
      Paths.forEachStatement(s.authorsBodies(), st -> {
        if (st instanceof Stmt.Set set && set.target().name().toLowerCase(Locale.ROOT).equals("req.http.x-forwarded-for")
            && Paths.reads(set.value(), n -> n.equals("client.ip") || n.equals("remote.ip"))) {
          Reporting.at(findings, info(), set.pos(), "Varnish has already appended the client address to"
              + " X-Forwarded-For before vcl_recv; this line " + (Paths.reads(set.value(),
                  n -> n.equals("req.http.x-forwarded-for")) ? "lists it twice" : "drops the proxies before it"),
              "delete the line (it is VCL 3's idiom)");
        }
      });
    }
  }
}
