package org.opsbook.checker.vcl.rules;

import java.util.Locale;
import org.opsbook.checker.vcl.model.Expr;

/** Decides conditions on a status variable whose value a path knows, for the path-walking rules. */
final class StatusConditions {
  private StatusConditions() {}

  /** TRUE or FALSE when the condition only compares {@code variable} with constants; else null. */
  static Boolean evaluate(Expr e, String variable, Long value) {
    if (value == null) {
      return null;
    }
    if (e instanceof Expr.Convert c) {
      return evaluate(c.operand(), variable, value);
    }
    if (e instanceof Expr.Not n) {
      Boolean v = evaluate(n.operand(), variable, value);
      return v == null ? null : !v;
    }
    if (e instanceof Expr.Logic l) {
      boolean and = l.op().equals("&&");
      boolean unknown = false;
      for (Expr o : l.operands()) {
        Boolean v = evaluate(o, variable, value);
        if (v == null) {
          unknown = true;
        } else if (v != and) {
          return v;
        }
      }
      return unknown ? null : and;
    }
    if (e instanceof Expr.Compare c && c.left() instanceof Expr.VarRead v
        && v.name().toLowerCase(Locale.ROOT).equals(variable)) {
      Long k = Synth503RetryAfterRule.constant(c.right());
      if (k == null) {
        return null;
      }
      long x = value;
      return switch (c.op()) {
        case "==" -> x == k;
        case "!=" -> x != k;
        case "<" -> x < k;
        case ">" -> x > k;
        case "<=" -> x <= k;
        case ">=" -> x >= k;
        default -> null;
      };
    }
    return null;
  }
}
