package org.opsbook.checker.vcl.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.vcl.catalogue.ReturnAction;
import org.opsbook.checker.vcl.catalogue.SubMethod;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.model.Stmt;
import org.opsbook.checker.vcl.model.SubDef;
import org.opsbook.checker.vcl.model.VclProgram;

/**
 * A 503 made in VCL that reaches the client without Retry-After: for every {@code return
 * (synth(N))} of the author's client-side code, vcl_synth is walked with {@code resp.status} at N;
 * and the author's vcl_backend_error is walked with {@code beresp.status} at 503, its default.
 */
final class Synth503RetryAfterRule implements Rule<VclProgram> {
  @Override
  public RuleInfo info() {
    return VclRules.SYNTH_503_RETRY_AFTER;
  }

  /** The status so far ({@code null} when unknown) and whether Retry-After is set. */
  private record State(Long status, boolean retryAfter) {}

  @Override
  public void check(VclProgram p, Findings findings) {
    SubDef synth = p.sub("vcl_synth").orElse(null);
    if (synth != null) {
      for (Stmt.Return r : synthReturns(p)) {
        Long status = constant(r.args().get(0));
        if (status == null) {
          continue;
        }
        Stmt.Return delivered = deliversWithout(p, synth, new State(status, false), "resp.");
        if (delivered != null) {
          Reporting.at(findings, info(), r.pos(), "this synth(" + status + ") becomes a 503 that vcl_synth"
              + (delivered.pos().isAuthors() ? " (line " + delivered.pos().line() + ")" : "")
              + " delivers without a Retry-After header",
              "set resp.http.Retry-After = \"SECONDS\"; in vcl_synth before return (deliver)");
        }
      }
    }
    SubDef error = p.sub("vcl_backend_error").orElse(null);
    if (error != null && !error.authorsBodies().isEmpty()) {
      Stmt.Return delivered = deliversWithout(p, error, new State(503L, false), "beresp.");
      if (delivered != null && delivered.pos().isAuthors()) {
        Reporting.at(findings, info(), delivered.pos(), "vcl_backend_error delivers its 503 without a Retry-After"
            + " header", "set beresp.http.Retry-After = \"SECONDS\"; before return (deliver)");
      }
    }
  }

  /** The first return (deliver) that ends a way through with status 503 and no Retry-After. */
  private static Stmt.Return deliversWithout(VclProgram p, SubDef sub, State start, String prefix) {
    List<Paths.End<State>> ends = Paths.walk(p, sub.bodies(), start, new Tracker(prefix));
    if (ends == null) {
      return null;
    }
    for (Paths.End<State> e : ends) {
      if (e.ret() != null && e.ret().action() == ReturnAction.DELIVER && e.state().status() != null
          && e.state().status() % 1000 == 503 && !e.state().retryAfter()) {
        return e.ret();
      }
    }
    return null;
  }

  private static List<Stmt.Return> synthReturns(VclProgram p) {
    List<Stmt.Return> out = new ArrayList<>();
    for (SubDef s : p.subs().values()) {
      boolean client = s.method() == null || s.method().side() == SubMethod.Side.CLIENT;
      if (!client) {
        continue;
      }
      Paths.forEachStatement(s.authorsBodies(), st -> {
        if (st instanceof Stmt.Return r && r.action() == ReturnAction.SYNTH && r.pos().isAuthors()) {
          out.add(r);
        }
      });
    }
    out.sort(java.util.Comparator.comparingInt((Stmt.Return r) -> r.pos().line()).thenComparingInt(r -> r.pos().column()));
    return out;
  }

  static Long constant(Expr e) {
    if (e instanceof Expr.NumberLit n && n.value() == Math.rint(n.value())) {
      return (long) n.value();
    }
    if (e instanceof Expr.Convert c) {
      return constant(c.operand());
    }
    return null;
  }

  private record Tracker(String prefix) implements Paths.Tracker<State> {
    @Override
    public State condition(State s, Expr cond, boolean holds) {
      Boolean v = StatusConditions.evaluate(cond, prefix + "status", s.status());
      if (v != null && v != holds) {
        return null;
      }
      return s;
    }

    @Override
    public State statement(State s, Stmt st) {
      if (st instanceof Stmt.Set set) {
        String name = set.target().name().toLowerCase(Locale.ROOT);
        if (name.equals(prefix + "status")) {
          return new State(set.op().equals("=") ? constant(set.value()) : null, s.retryAfter());
        }
        if (name.equals(prefix + "http.retry-after")) {
          return new State(s.status(), true);
        }
      } else if (st instanceof Stmt.Unset u && u.target().name().toLowerCase(Locale.ROOT).equals(prefix
          + "http.retry-after")) {
        return new State(s.status(), false);
      }
      return s;
    }
  }
}
