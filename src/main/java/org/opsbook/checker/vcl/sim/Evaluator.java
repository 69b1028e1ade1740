package org.opsbook.checker.vcl.sim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.model.Acl;
import org.opsbook.checker.vcl.model.AclEntry;
import org.opsbook.checker.vcl.model.Addresses;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.regex.Pcre2Pattern;

/**
 * Computes the value of an expression with VCL's semantics: NULL strings (an absent header) and
 * how each comparison treats them, VCC's implicit conversions, regex matches in PCRE2's byte
 * semantics, ACLs by longest matching prefix. What the model does not know comes back as a
 * {@link Values.Unknown}, which only a decision turns into "cannot evaluate".
 */
final class Evaluator {
  private final Interpreter in;

  Evaluator(Interpreter in) {
    this.in = in;
  }

  Object eval(Expr e) {
    if (e instanceof Expr.StringLit s) {
      return s.value();
    }
    if (e instanceof Expr.NumberLit n) {
      if (n.type() == VclType.INT || n.type() == VclType.BYTES) {
        return (long) n.value();
      }
      if (n.type() == VclType.DURATION) {
        return new Values.Duration(n.value());
      }
      return n.value();
    }
    if (e instanceof Expr.BoolLit b) {
      return b.value();
    }
    if (e instanceof Expr.IpLit ip) {
      return ip.address().length == 0 ? new Values.Unknown("the address of the name " + ip.text())
          : new Values.Ip(ip.address(), 80);
    }
    if (e instanceof Expr.VarRead v) {
      return new Variables(in).read(v);
    }
    if (e instanceof Expr.ObjectRef o) {
      if (o.type() == VclType.BACKEND) {
        var b = in.program().backends().get(o.name().toLowerCase(Locale.ROOT));
        return b != null && b.none() ? null : new Values.Backend(o.name());
      }
      return new Values.Named(o.name());
    }
    if (e instanceof Expr.DefaultRef d) {
      if (d.type() == VclType.BACKEND) {
        String name = in.program().defaultBackend();
        var b = name == null ? null : in.program().backends().get(name);
        return b == null || b.none() ? null : new Values.Backend(b.name());
      }
      return new Values.Named("default");
    }
    if (e instanceof Expr.Instance i) {
      return new Values.Named(i.name());
    }
    if (e instanceof Expr.EnumLit en) {
      return en.value();
    }
    if (e instanceof Expr.BlobLit) {
      return new Values.Unknown("a BLOB");
    }
    if (e instanceof Expr.Call c) {
      return in.functions.call(c, this);
    }
    if (e instanceof Expr.Regsub r) {
      return regsub(r);
    }
    if (e instanceof Expr.Match m) {
      Object s = eval(m.subject());
      if (s instanceof Values.Unknown) {
        return s;
      }
      Object found = matches(m.regex(), s == null ? "" : (String) s);
      if (found instanceof Boolean b) {
        return b != m.negated();
      }
      return found;
    }
    if (e instanceof Expr.AclMatch a) {
      return aclMatch(a);
    }
    if (e instanceof Expr.Compare c) {
      return compare(c);
    }
    if (e instanceof Expr.Arith a) {
      return Arithmetic.apply(a.op(), a.type(), eval(a.left()), eval(a.right()));
    }
    if (e instanceof Expr.Negate n) {
      return Arithmetic.negate(eval(n.operand()));
    }
    if (e instanceof Expr.Concat c) {
      StringBuilder b = new StringBuilder();
      for (Expr part : c.parts()) {
        Object v = eval(part);
        if (v instanceof Values.Unknown) {
          return v;
        }
        if (v != null) {
          b.append((String) v);
        }
      }
      return b.toString();
    }
    if (e instanceof Expr.Logic l) {
      boolean and = l.op().equals("&&");
      for (Expr o : l.operands()) {
        Object v = eval(o);
        if (v instanceof Values.Unknown) {
          return v;
        }
        if ((Boolean) v != and) {
          return !and;
        }
      }
      return and;
    }
    if (e instanceof Expr.Not n) {
      Object v = eval(n.operand());
      return v instanceof Boolean b ? !b : v;
    }
    if (e instanceof Expr.Convert c) {
      return convert(c);
    }
    if (e instanceof Expr.TypeMethod m) {
      Object v = eval(m.operand());
      if (v instanceof Values.Unknown) {
        return v;
      }
      return switch (m.method()) {
        case "upper" -> v == null ? null : Functions.asciiCase((String) v, true);
        case "lower" -> v == null ? null : Functions.asciiCase((String) v, false);
        case "resolve" -> v;
        default -> new Values.Unknown("the storage attribute ." + m.method());
      };
    }
    throw new CannotEvaluate("an expression the model does not compute");
  }

  private Object convert(Expr.Convert c) {
    Object v = eval(c.operand());
    if (v instanceof Values.Unknown) {
      return v;
    }
    VclType to = c.type();
    VclType from = c.operand().type();
    if (to == VclType.BOOL) {
      if (from == VclType.STRINGS) {
        return v != null;
      }
      if (from == VclType.INT) {
        return (Long) v != 0;
      }
      if (from == VclType.DURATION) {
        return ((Values.Duration) v).seconds() > 0;
      }
      if (from == VclType.BACKEND) {
        return v != null;
      }
      return v;
    }
    if (to == VclType.STRINGS) {
      return Values.toStr(v, from);
    }
    return v;
  }

  private Object compare(Expr.Compare c) {
    Object l = eval(c.left());
    Object r = eval(c.right());
    if (l instanceof Values.Unknown) {
      return l;
    }
    if (r instanceof Values.Unknown) {
      return r;
    }
    VclType t = c.operandType();
    String op = c.op();
    if (t == VclType.STRINGS) {
      // One strand on each side: VRT_strcmp, where a NULL differs from everything. Several strands:
      // VRT_CompareStrands, where NULL reads as empty (a Concat is never NULL here).
      int cmp;
      if (l == null || r == null) {
        cmp = 1;
      } else {
        cmp = Integer.signum(Functions.bytes((String) l).compareTo(Functions.bytes((String) r)));
      }
      return switch (op) {
        case "==" -> cmp == 0;
        case "!=" -> cmp != 0;
        case "<" -> 0 > cmp;
        case ">" -> 0 < cmp;
        case "<=" -> 0 >= cmp;
        case ">=" -> 0 <= cmp;
        default -> throw new IllegalStateException(op);
      };
    }
    if (t == VclType.IP) {
      boolean same = l != null && r != null && Arrays.equals(((Values.Ip) l).address(), ((Values.Ip) r).address());
      return op.equals("==") == same;
    }
    if (t == VclType.BOOL || t == VclType.BACKEND || t == VclType.ACL || t == VclType.PROBE || t == VclType.SUB
        || t == VclType.INSTANCE || t == VclType.STEVEDORE) {
      boolean same = java.util.Objects.equals(l, r);
      return op.equals("==") == same;
    }
    double a = Arithmetic.number(l);
    double b = Arithmetic.number(r);
    return switch (op) {
      case "==" -> a == b;
      case "!=" -> a != b;
      case "<" -> a < b;
      case ">" -> a > b;
      case "<=" -> a <= b;
      case ">=" -> a >= b;
      default -> throw new IllegalStateException(op);
    };
  }

  /** True, false, or an Unknown when the pattern cannot be reproduced or runs too long. */
  Object matches(Expr.Regex re, String subject) {
    Pcre2Pattern.Compiled c = Pcre2Pattern.compile(re.pattern());
    if (!c.usable()) {
      return new Values.Unknown("a regex the model does not reproduce (" + c.unsupported() + ")");
    }
    Pcre2Pattern.MatchResult m = Pcre2Pattern.find(c, subject);
    if (m.tooComplex()) {
      return new Values.Unknown("a regex match that takes too many steps (Varnish's own limits would decide)");
    }
    return m.found();
  }

  private Object regsub(Expr.Regsub r) {
    Object subject = eval(r.subject());
    Object replacement = eval(r.replacement());
    if (subject instanceof Values.Unknown) {
      return subject;
    }
    if (replacement instanceof Values.Unknown) {
      return replacement;
    }
    return Functions.regsub(r.regex().pattern(), subject == null ? "" : (String) subject,
        replacement == null ? "" : (String) replacement, r.all());
  }

  private Object aclMatch(Expr.AclMatch a) {
    Object ip = eval(a.address());
    if (ip instanceof Values.Unknown) {
      return ip;
    }
    Object acl = eval(a.acl());
    if (!(acl instanceof Values.Named n)) {
      return new Values.Unknown("an ACL that is not named");
    }
    Acl def = in.program().acl(n.name()).orElse(null);
    if (def == null) {
      return new Values.Unknown("ACL " + n.name() + ", which is defined outside the snippet");
    }
    if (ip == null) {
      return a.negated();
    }
    boolean matched = aclContains(def, ((Values.Ip) ip).address());
    return matched != a.negated();
  }

  /** VCC's ACL: entries tested most specific first; the first that contains the address decides. */
  static boolean aclContains(Acl acl, byte[] address) {
    AclEntry best = null;
    for (AclEntry e : acl.entries()) {
      if (e.isName()) {
        throw new CannotEvaluate("ACL " + acl.name() + " has the name " + e.text()
            + ", which Varnish resolves in DNS when it compiles the VCL");
      }
      if (Addresses.contains(e.network(), e.prefix(), address) && (best == null || e.prefix() > best.prefix())) {
        best = e;
      }
    }
    return best != null && !best.negated();
  }

  static List<Object> list(Object... values) {
    return Arrays.asList(values);
  }
}
