package org.opsbook.checker.vcl.sim;

import java.util.Locale;
import org.opsbook.checker.vcl.catalogue.HttpStatus;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.model.Stmt;

/** {@code set} and {@code unset} on the client side, with the checks Varnish makes when it stores a value. */
final class Assignments {
  private final Interpreter in;

  Assignments(Interpreter in) {
    this.in = in;
  }

  void set(Stmt.Set s) {
    Expr.VarRead target = s.target();
    Evaluator ev = new Evaluator(in);
    Object value = ev.eval(s.value());
    String family = target.variable().name().toLowerCase(Locale.ROOT);
    if (target.header() != null) {
      Headers h = headers(family);
      Object old = h.get(target.header());
      Object v = s.op().equals("+=") ? join(old, value) : text(value);
      h.set(target.header(), v);
      in.note("set " + target.name() + " = " + Values.show(v) + Interpreter.at(s.pos()));
      return;
    }
    if (!s.op().equals("=")) {
      Object old = new Variables(in).read(target);
      value = target.type() == VclType.STRING ? join(old, value)
          : Arithmetic.apply(s.op().substring(0, 1), target.type(), old, value);
    }
    switch (family) {
      case "req.url", "req.method", "req.proto", "resp.reason" -> {
        Object v = text(value);
        if ("".equals(v)) {
          throw new Interpreter.Failed("Setting " + family + " to empty string");
        }
        if (v instanceof Values.Unknown u) {
          throw new CannotEvaluate(family + " is set to " + u.why());
        }
        switch (family) {
          case "req.url" -> in.url = (String) v;
          case "req.method" -> in.method = (String) v;
          case "req.proto" -> in.proto = (String) v;
          default -> in.respReason = v;
        }
      }
      case "req.backend_hint" -> {
        if (value instanceof Values.Unknown u) {
          throw new CannotEvaluate("the backend is " + u.why());
        }
        in.hint = (Values.Backend) value;
      }
      case "client.identity" -> in.identity = text(value);
      case "resp.status" -> {
        if (!(value instanceof Long code)) {
          throw new CannotEvaluate("resp.status is set to a value the model does not know");
        }
        if (code < 0 || code > 65535 || code % 1000 < 100) {
          throw new Interpreter.Failed("illegal resp.status (" + code + ")");
        }
        in.respStatus = code;
        in.respReason = HttpStatus.reason(code);
      }
      case "req.ttl", "req.grace" -> {
        double d = value instanceof Values.Duration dur ? dur.seconds() : 0;
        in.others.put(family, new Values.Duration(d > 0 ? d : 0));
      }
      case "resp.body" -> {
        // The model reports no bodies.
      }
      default -> in.others.put(family, value);
    }
    in.note("set " + target.name() + " = " + Values.show(value) + Interpreter.at(s.pos()));
  }

  void unset(Stmt.Unset u) {
    Expr.VarRead target = u.target();
    String family = target.variable().name().toLowerCase(Locale.ROOT);
    if (target.header() != null) {
      headers(family).unset(target.header());
    }
    in.note("unset " + target.name() + Interpreter.at(u.pos()));
  }

  private Headers headers(String family) {
    return switch (family) {
      case "req.http" -> in.req;
      case "resp.http" -> {
        if (in.resp == null) {
          throw new CannotEvaluate("resp.http outside vcl_synth");
        }
        yield in.resp;
      }
      default -> throw new CannotEvaluate(family + " headers, which exist only with a backend");
    };
  }

  /** What VRT_SetHdr and friends store: NULL parts are left out, so the result is never NULL. */
  private static Object text(Object v) {
    if (v instanceof Values.Unknown) {
      return v;
    }
    return v == null ? "" : v;
  }

  private static Object join(Object old, Object add) {
    if (old instanceof Values.Unknown) {
      return old;
    }
    if (add instanceof Values.Unknown) {
      return add;
    }
    return (old == null ? "" : (String) old) + (add == null ? "" : (String) add);
  }
}
