package org.opsbook.checker.vcl.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.model.Stmt;
import org.opsbook.checker.vcl.model.SubDef;
import org.opsbook.checker.vcl.model.VclProgram;

/**
 * The ways through a subroutine for the lint rules: every combination of branches, with a state
 * that a {@link Tracker} carries along, to each return or to the end. Calls of other subroutines
 * are followed. A subroutine with too many ways through is not walked at all ({@code null}), so a
 * rule stays quiet rather than guess.
 */
final class Paths {
  static final int MAX_PATHS = 512;
  private static final int MAX_DEPTH = 16;

  private Paths() {}

  /** What a rule tracks along a way through a subroutine. States are immutable values. */
  interface Tracker<S> {
    /** The state after a condition was found true or false; {@code null} when that cannot be. */
    S condition(S state, Expr condition, boolean holds);

    /** The state after any other statement (set, unset, hash_data, ...). */
    S statement(S state, Stmt statement);
  }

  /** One way through: the state at its end, and the return that ended it ({@code null}: it fell through). */
  record End<S>(S state, Stmt.Return ret) {}

  /** The ways through the bodies in order, from {@code start}; null when there are too many. */
  static <S> List<End<S>> walk(VclProgram program, List<Stmt.Block> bodies, S start, Tracker<S> tracker) {
    List<End<S>> ends = new ArrayList<>();
    List<S> open = List.of(start);
    try {
      for (Stmt.Block b : bodies) {
        List<S> next = new ArrayList<>();
        for (S s : open) {
          for (End<S> e : block(program, b.statements(), 0, s, tracker, 0)) {
            if (e.ret() == null) {
              next.add(e.state());
            } else {
              ends.add(e);
            }
          }
        }
        open = next;
        check(ends.size() + open.size());
      }
    } catch (TooMany e) {
      return null;
    }
    for (S s : open) {
      ends.add(new End<>(s, null));
    }
    return ends;
  }

  private static final class TooMany extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooMany() {
      super(null, null, false, false);
    }
  }

  private static void check(int n) {
    if (n > MAX_PATHS) {
      throw new TooMany();
    }
  }

  private static <S> List<End<S>> block(VclProgram p, List<Stmt> stmts, int from, S state, Tracker<S> t, int depth) {
    List<End<S>> out = new ArrayList<>();
    List<S> open = new ArrayList<>(List.of(state));
    for (int k = from; k < stmts.size(); k++) {
      Stmt st = stmts.get(k);
      List<S> next = new ArrayList<>();
      for (S s : open) {
        for (End<S> e : statement(p, st, s, t, depth)) {
          if (e.ret() == null) {
            next.add(e.state());
          } else {
            out.add(e);
          }
        }
      }
      open = next;
      check(out.size() + open.size());
    }
    for (S s : open) {
      out.add(new End<>(s, null));
    }
    return out;
  }

  private static <S> List<End<S>> statement(VclProgram p, Stmt st, S s, Tracker<S> t, int depth) {
    if (st instanceof Stmt.Return r) {
      return List.of(new End<>(s, r));
    }
    if (st instanceof Stmt.Block b) {
      return block(p, b.statements(), 0, s, t, depth);
    }
    if (st instanceof Stmt.If i) {
      List<End<S>> out = new ArrayList<>();
      S falseSoFar = s;
      for (Stmt.Branch br : i.branches()) {
        if (falseSoFar == null) {
          break;
        }
        S taken = t.condition(falseSoFar, br.condition(), true);
        if (taken != null) {
          out.addAll(block(p, br.body().statements(), 0, taken, t, depth));
        }
        falseSoFar = t.condition(falseSoFar, br.condition(), false);
      }
      if (falseSoFar != null) {
        if (i.otherwise() != null) {
          out.addAll(block(p, i.otherwise().statements(), 0, falseSoFar, t, depth));
        } else {
          out.add(new End<>(falseSoFar, null));
        }
      }
      check(out.size());
      return out;
    }
    if (st instanceof Stmt.Call c && c.sub() != null && depth < MAX_DEPTH) {
      SubDef callee = p.subs().get(c.sub().toLowerCase(Locale.ROOT));
      if (callee == null) {
        return List.of(new End<>(s, null));
      }
      List<End<S>> out = new ArrayList<>();
      List<S> open = List.of(s);
      for (Stmt.Block b : callee.bodies()) {
        List<S> next = new ArrayList<>();
        for (S x : open) {
          for (End<S> e : block(p, b.statements(), 0, x, t, depth + 1)) {
            if (e.ret() == null || e.ret().action() == null) {
              next.add(e.state());
            } else {
              out.add(e);
            }
          }
        }
        open = next;
      }
      for (S x : open) {
        out.add(new End<>(x, null));
      }
      return out;
    }
    return List.of(new End<>(t.statement(s, st), null));
  }

  // --- Helpers for trackers ---

  /** Whether an expression reads a variable whose name (header included) matches. */
  static boolean reads(Expr e, java.util.function.Predicate<String> name) {
    if (e == null) {
      return false;
    }
    if (e instanceof Expr.VarRead v) {
      return name.test(v.name().toLowerCase(Locale.ROOT));
    }
    return children(e).stream().anyMatch(x -> reads(x, name));
  }

  /** The direct operands of an expression. */
  static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.Call c) {
      c.args().forEach(out::add);
    } else if (e instanceof Expr.Regsub r) {
      out.add(r.subject());
      out.add(r.replacement());
    } else if (e instanceof Expr.Match m) {
      out.add(m.subject());
    } else if (e instanceof Expr.AclMatch a) {
      out.add(a.address());
    } else if (e instanceof Expr.Compare c) {
      out.add(c.left());
      out.add(c.right());
    } else if (e instanceof Expr.Arith a) {
      out.add(a.left());
      out.add(a.right());
    } else if (e instanceof Expr.Negate n) {
      out.add(n.operand());
    } else if (e instanceof Expr.Concat c) {
      out.addAll(c.parts());
    } else if (e instanceof Expr.Logic l) {
      out.addAll(l.operands());
    } else if (e instanceof Expr.Not n) {
      out.add(n.operand());
    } else if (e instanceof Expr.Convert c) {
      out.add(c.operand());
    } else if (e instanceof Expr.TypeMethod m) {
      out.add(m.operand());
    }
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  /** Whether an expression contains an ACL match. */
  static boolean matchesAcl(Expr e) {
    return e instanceof Expr.AclMatch || children(e).stream().anyMatch(Paths::matchesAcl);
  }

  /** The statements of the subroutines a method runs, in order, for rules that look at every statement. */
  static void forEachStatement(List<Stmt.Block> bodies, java.util.function.Consumer<Stmt> visit) {
    for (Stmt.Block b : bodies) {
      visitAll(b, visit);
    }
  }

  private static void visitAll(Stmt st, java.util.function.Consumer<Stmt> visit) {
    visit.accept(st);
    if (st instanceof Stmt.Block b) {
      b.statements().forEach(x -> visitAll(x, visit));
    } else if (st instanceof Stmt.If i) {
      i.branches().forEach(br -> visitAll(br.body(), visit));
      if (i.otherwise() != null) {
        visitAll(i.otherwise(), visit);
      }
    }
  }
}
