package org.opsbook.checker.vcl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opsbook.checker.vcl.catalogue.Param;
import org.opsbook.checker.vcl.catalogue.Signature;
import org.opsbook.checker.vcl.catalogue.SubMethod;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.model.Addresses;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.model.Pos;
import org.opsbook.checker.vcl.rules.VclRules;

/**
 * VCC's expression parser (vcc_expr.c): a recursive descent that is told the type it should
 * produce and converts what it finds when VCC would. Every message is VCC's.
 */
final class Expressions {
  private final Compilation c;
  private final RegexCheck regexes;

  Expressions(Compilation c, RegexCheck regexes) {
    this.c = c;
    this.regexes = regexes;
  }

  /** An expression of exactly {@code fmt} (vcc_Expr / vcc_expr0). */
  Expr expr(VclType fmt) {
    Token t1 = c.t();
    Expr e = fmt.isStringForm() ? cor(VclType.STRINGS) : cor(fmt);
    if (e.type() == fmt) {
      return e;
    }
    if (e.type() != VclType.STRINGS && fmt.isStringForm()) {
      e = toStrings(e, t1);
    }
    if (e.type().isStringForm()) {
      throw c.error(VclRules.TYPE, "Cannot convert type " + e.type().userName() + "(" + e.type().name() + ") to "
          + fmt.userName() + "(" + fmt.name() + ")", t1);
    }
    if (fmt == VclType.BODY && !e.type().isBodyForm()) {
      e = toStrings(e, t1);
    }
    if (fmt == VclType.BODY && e.type().isBodyForm()) {
      e = new Expr.Convert(e.pos(), VclType.BODY, e);
    }
    if (e.type() == VclType.STRINGS && fmt.isStringForm()) {
      e = new Expr.Convert(e.pos(), fmt, e);
    }
    if (fmt == VclType.BOOL) {
      e = toBool(e);
    }
    typeCheck(e, fmt, t1);
    return e;
  }

  private void typeCheck(Expr e, VclType fmt, Token t1) {
    if (e.type() != fmt) {
      throw c.error(VclRules.TYPE, "Expression has type " + e.type().userName() + ", expected " + fmt.userName(), t1);
    }
  }

  private Expr toBool(Expr e) {
    VclType t = e.type();
    if (t == VclType.BACKEND || t == VclType.INT || t == VclType.DURATION || t == VclType.STRINGS) {
      return new Expr.Convert(e.pos(), VclType.BOOL, e);
    }
    return e;
  }

  private Expr toStrings(Expr e, Token where) {
    if (!e.type().convertsToString()) {
      throw c.error(VclRules.TYPE, "Cannot convert " + e.type().userName() + " to STRING.", where);
    }
    return new Expr.Convert(e.pos(), VclType.STRINGS, e);
  }

  private Expr cor(VclType fmt) {
    return binaryBool(fmt, "||", true);
  }

  private Expr cand(VclType fmt) {
    return binaryBool(fmt, "&&", false);
  }

  private Expr binaryBool(VclType fmt, String op, boolean or) {
    Token tk = c.t();
    Expr e = or ? cand(fmt) : not(fmt);
    if (!c.t().is(op)) {
      return e;
    }
    e = toBool(e);
    if (e.type() != VclType.BOOL) {
      throw c.error(VclRules.TYPE, "'" + op + "' must be preceeded by BOOL, found " + e.type().userName() + ".", tk);
    }
    List<Expr> operands = new ArrayList<>();
    operands.add(e);
    while (c.t().is(op)) {
      c.next();
      tk = c.t();
      Expr e2 = toBool(or ? cand(fmt) : not(fmt));
      if (e2.type() != VclType.BOOL) {
        throw c.error(VclRules.TYPE, "'" + op + "' must be followed by BOOL, found " + e2.type().userName() + ".", tk);
      }
      operands.add(e2);
    }
    return new Expr.Logic(e.pos(), op, operands);
  }

  private Expr not(VclType fmt) {
    Token tk = c.t();
    if (tk.is("!")) {
      c.next();
    }
    Expr e = cmp(fmt);
    if (!tk.is("!")) {
      return e;
    }
    e = toBool(e);
    if (e.type() != VclType.BOOL) {
      throw c.error(VclRules.TYPE, "'!' must be followed by BOOL, found " + e.type().userName() + ".", tk);
    }
    return new Expr.Not(Compilation.pos(tk), e);
  }

  private static final List<VclType> NUMERIC = List.of(VclType.INT, VclType.DURATION, VclType.BYTES, VclType.REAL,
      VclType.TIME);
  private static final List<VclType> IDENTITY = List.of(VclType.BACKEND, VclType.ACL, VclType.PROBE,
      VclType.STEVEDORE, VclType.SUB, VclType.INSTANCE);

  private Expr cmp(VclType fmt) {
    Expr e = add(fmt);
    Token tk = c.t();
    VclType t = e.type();
    boolean rel = tk.is("==") || tk.is("!=") || tk.is("<") || tk.is(">") || tk.is("<=") || tk.is(">=");
    boolean eq = tk.is("==") || tk.is("!=");
    boolean match = tk.is("~") || tk.is("!~");
    if ((NUMERIC.contains(t) && rel) || ((IDENTITY.contains(t) || t == VclType.BOOL || t == VclType.IP) && eq)) {
      c.next();
      Expr e2 = add(t);
      if (e2.type() != t) {
        throw c.error(VclRules.TYPE, "Comparison of different types: " + t.userName() + " '" + tk.text() + "' "
            + e2.type().userName(), tk);
      }
      return new Expr.Compare(e.pos(), tk.text(), e, e2, t);
    }
    if (t == VclType.IP && match) {
      c.next();
      Token t1 = c.t();
      Expr acl = expr4(VclType.ACL);
      typeCheck(acl, VclType.ACL, t1);
      return new Expr.AclMatch(e.pos(), e, acl, tk.is("!~"));
    }
    if (t == VclType.STRINGS && rel) {
      c.next();
      Expr e2 = add(VclType.STRINGS);
      if (e2.type() != VclType.STRINGS) {
        throw c.error(VclRules.TYPE, "Comparison of different types: " + t.userName() + " '" + tk.text() + "' "
            + e2.type().userName(), tk);
      }
      return new Expr.Compare(e.pos(), tk.text(), e, e2, VclType.STRINGS);
    }
    if (t == VclType.STRINGS && match) {
      c.next();
      Token t1 = c.t();
      Expr re = expr4(VclType.REGEX);
      typeCheck(re, VclType.REGEX, t1);
      return new Expr.Match(e.pos(), e, (Expr.Regex) re, tk.is("!~"));
    }
    if (rel || match) {
      throw c.error(VclRules.TYPE, "Operator " + tk.text() + " not possible on " + t.userName(), tk);
    }
    return e;
  }

  /** The arithmetic VCC allows: operator, left type, right type, result (vcc_adds). */
  private record Add(String op, VclType a, VclType b, VclType result) {}

  private static final List<Add> ADDS = List.of(
      new Add("+", VclType.BYTES, VclType.BYTES, VclType.BYTES),
      new Add("-", VclType.BYTES, VclType.BYTES, VclType.BYTES),
      new Add("+", VclType.DURATION, VclType.DURATION, VclType.DURATION),
      new Add("-", VclType.DURATION, VclType.DURATION, VclType.DURATION),
      new Add("+", VclType.INT, VclType.INT, VclType.INT),
      new Add("-", VclType.INT, VclType.INT, VclType.INT),
      new Add("+", VclType.INT, VclType.REAL, VclType.REAL),
      new Add("-", VclType.INT, VclType.REAL, VclType.REAL),
      new Add("+", VclType.REAL, VclType.INT, VclType.REAL),
      new Add("-", VclType.REAL, VclType.INT, VclType.REAL),
      new Add("+", VclType.REAL, VclType.REAL, VclType.REAL),
      new Add("-", VclType.REAL, VclType.REAL, VclType.REAL),
      new Add("-", VclType.TIME, VclType.TIME, VclType.DURATION),
      new Add("+", VclType.TIME, VclType.DURATION, VclType.TIME),
      new Add("-", VclType.TIME, VclType.DURATION, VclType.TIME));

  private Expr add(VclType fmt) {
    Token first = c.t();
    Expr e = mul(fmt);
    while (c.t().is("+") || c.t().is("-")) {
      Token tk = c.t();
      VclType left = e.type();
      boolean known = ADDS.stream().anyMatch(a -> a.op().equals(tk.text()) && a.a() == left);
      c.next();
      Expr e2 = !known && fmt == VclType.STRINGS ? mul(VclType.STRINGS) : mul(left);
      VclType right = e2.type();
      Add ap = ADDS.stream().filter(a -> a.op().equals(tk.text()) && a.a() == left && a.b() == right).findFirst()
          .orElse(null);
      if (ap != null) {
        e = new Expr.Arith(e.pos(), ap.result(), tk.text(), e, e2);
      } else if (tk.is("+") && (left == VclType.STRINGS || fmt == VclType.STRINGS)) {
        Expr l = left == VclType.STRINGS ? e : toStrings(e, first);
        Expr r = right == VclType.STRINGS ? e2 : toStrings(e2, first);
        List<Expr> parts = new ArrayList<>();
        if (l instanceof Expr.Concat cl) {
          parts.addAll(cl.parts());
        } else {
          parts.add(l);
        }
        parts.add(r);
        e = new Expr.Concat(l.pos(), parts);
      } else {
        throw c.error(VclRules.TYPE, left.userName() + " " + tk.text() + " " + right.userName() + " not possible.", tk);
      }
    }
    return e;
  }

  private Expr mul(VclType fmt) {
    Expr e = expr4(fmt);
    while (c.t().is("*") || c.t().is("/") || c.t().is("%")) {
      Token tk = c.t();
      if (tk.is("%") && e.type() != VclType.INT) {
        throw c.error(VclRules.TYPE, "Operator % only possible on INT.", tk);
      }
      VclType f2 = e.type().multiplyType();
      if (f2 == null) {
        throw c.error(VclRules.TYPE, "Operator " + tk.text() + " not possible on type " + e.type().userName() + ".", tk);
      }
      c.next();
      Expr e2 = expr4(f2);
      if (e2.type() != VclType.INT && e2.type() != f2) {
        throw c.error(VclRules.TYPE, e.type().userName() + " " + tk.text() + " " + e2.type().userName()
            + " not possible.", tk);
      }
      e = new Expr.Arith(e.pos(), e.type(), tk.text(), e, e2);
    }
    return e;
  }

  /** Expr5 followed by any number of {@code .property} and {@code .method()}. */
  Expr expr4(VclType fmt) {
    Expr e = expr5(fmt);
    while (c.t().is(".")) {
      c.next();
      c.expect(TokenType.ID);
      Token name = c.t();
      e = property(e, name);
      if (e.type() == VclType.STRING) {
        e = new Expr.Convert(e.pos(), VclType.STRINGS, e);
      }
    }
    return e;
  }

  private Expr property(Expr e, Token name) {
    String typeName = e.type().name();
    Map<String, VclType> builtin = Vocabulary.TYPE_METHODS.get(typeName);
    if (builtin != null) {
      for (Map.Entry<String, VclType> m : builtin.entrySet()) {
        if (m.getKey().equalsIgnoreCase(name.text())) {
          c.next();
          if (Vocabulary.TYPE_METHOD_CALLS.contains(m.getKey())) {
            c.expect("(");
            c.next();
            c.expect(")");
            c.next();
          }
          return new Expr.TypeMethod(e.pos(), m.getValue(), m.getKey(), e);
        }
      }
    }
    if (e instanceof Expr.Instance inst) {
      Symbol method = methodSymbol(inst, name.text());
      if (method != null) {
        c.next();
        return call(method, inst.name(), Compilation.pos(name), name);
      }
    }
    throw c.error(VclRules.UNKNOWN_SYMBOL, "Unknown property " + name.quoted() + " for type " + typeName, name);
  }

  private Symbol methodSymbol(Expr.Instance inst, String method) {
    SymbolTable.Node n = c.symbols.root;
    for (String part : (inst.type().name() + "." + method).split("\\.")) {
      n = n.children.get(part.toLowerCase(java.util.Locale.ROOT));
      if (n == null) {
        return null;
      }
    }
    for (Symbol s : n.symbols) {
      if (s.kind == Symbol.Kind.METHOD) {
        return s;
      }
      if (s.kind == Symbol.Kind.ALIAS) {
        return methodSymbol(inst, s.aliasOf.substring(s.aliasOf.lastIndexOf('.') + 1));
      }
    }
    return null;
  }

  private Expr expr5(VclType fmt) {
    Token t = c.t();
    if (t.is("(")) {
      c.next();
      Expr e2 = cor(fmt);
      c.skip(")");
      return e2;
    }
    switch (t.type()) {
      case ID -> {
        return identifier(fmt);
      }
      case CSTR -> {
        Expr e;
        if (fmt == VclType.IP) {
          e = ipConstant(t);
          c.next();
        } else if (fmt == VclType.REGEX) {
          e = regex();
          c.next();
        } else {
          e = new Expr.StringLit(Compilation.pos(t), t.decoded());
          c.next();
        }
        return e;
      }
      case CBLOB -> {
        c.next();
        return new Expr.BlobLit(Compilation.pos(t), t.text());
      }
      case CNUM, FNUM -> {
        return number(fmt, false);
      }
      default -> {
        if (t.is("-") && (fmt == VclType.INT || fmt == VclType.REAL || fmt == VclType.DURATION
            || fmt == VclType.STRINGS)) {
          c.next();
          if (c.t().type() != TokenType.FNUM && c.t().type() != TokenType.CNUM) {
            Expr e1 = cor(fmt);
            return new Expr.Negate(Compilation.pos(t), e1.type(), e1);
          }
          return number(fmt, true);
        }
      }
    }
    throw c.error(VclRules.SYNTAX, "Unknown token " + t.quoted() + " when looking for " + fmt.userName(), t);
  }

  private Expr identifier(VclType fmt) {
    int start = c.at;
    Token t = c.t();
    Token t1 = c.peek();
    Symbol sym = c.lookup(Symbol.Kind.NONE, Lookup.Mode.PARTIAL_NOERR, Lookup.Xref.REF);
    if (sym == null && fmt.isGlobal() && !t1.is(".")) {
      sym = c.lookup(Symbol.Kind.NONE, Lookup.Mode.CREATE, Lookup.Xref.REF);
      c.makeGlobal(sym, fmt);
    }
    if (sym == null) {
      c.lookup(Symbol.Kind.NONE, Lookup.Mode.PARTIAL, Lookup.Xref.REF);
      throw new IllegalStateException("unreachable: lookup reports a missing symbol");
    }
    Pos pos = Compilation.pos(t);
    if (sym.kind == Symbol.Kind.INSTANCE) {
      return new Expr.Instance(pos, sym.type, sym.fullName());
    }
    if (sym.kind == Symbol.Kind.METHOD) {
      throw c.error(VclRules.SYNTAX, "Syntax error.", t);
    }
    if (sym.kind == Symbol.Kind.FUNC && sym.type == VclType.VOID) {
      throw c.error(VclRules.TYPE, "Function returns VOID:", c.t());
    }
    Expr e = switch (sym.eval) {
      case VAR -> variable(sym, t);
      case HANDLE -> handle(sym, fmt, pos);
      case SUB -> {
        if (fmt != VclType.SUB) {
          throw c.error(VclRules.TYPE, "Symbol '" + sym.name + "' can only be used as a SUB expression", c.t());
        }
        yield new Expr.ObjectRef(pos, VclType.SUB, sym.fullName());
      }
      case FUNC -> call(sym, null, pos, t);
      case BOOL_TRUE -> new Expr.BoolLit(pos, true);
      case BOOL_FALSE -> new Expr.BoolLit(pos, false);
      case DEFAULT -> {
        if (fmt == VclType.PROBE) {
          if (c.defaultProbe == null) {
            throw c.error(VclRules.UNDEFINED, "No default probe defined " + c.t().quoted() + " at", c.t());
          }
          yield new Expr.DefaultRef(pos, VclType.PROBE);
        }
        if (fmt == VclType.BACKEND) {
          yield new Expr.DefaultRef(pos, VclType.BACKEND);
        }
        throw c.error(VclRules.SYNTAX, "Symbol 'default' is a reserved word.", t);
      }
      case REGSUB, REGSUBALL -> regsub(sym.eval == Symbol.Eval.REGSUBALL, pos);
      default -> throw c.error(VclRules.TYPE, "Symbol '" + c.text(start, c.at) + "' type ("
          + sym.kind.word() + ") can not be used in expression.", t);
    };
    if (fmt != VclType.HEADER && e.type() == VclType.HEADER) {
      e = toStrings(e, t);
    }
    return e;
  }

  private Expr variable(Symbol sym, Token t) {
    c.addUse(t, c.t(), sym, Proc.UseKind.READ);
    VclType type = sym.type == VclType.STRING ? VclType.STRINGS : sym.type;
    return new Expr.VarRead(Compilation.pos(t), sym.variable, sym.header, type);
  }

  private Expr handle(Symbol sym, VclType fmt, Pos pos) {
    if (!sym.type.convertsToString() && sym.type != VclType.STRING && fmt == VclType.STRINGS) {
      return new Expr.StringLit(pos, sym.name);
    }
    return new Expr.ObjectRef(pos, sym.type, sym.fullName());
  }

  private Expr number(VclType fmt, boolean negative) {
    Token t = c.t();
    Pos pos = Compilation.pos(t);
    double sign = negative ? -1 : 1;
    if (fmt == VclType.BYTES) {
      if (t.type() != TokenType.CNUM && t.type() != TokenType.FNUM) {
        c.expect(TokenType.CNUM);
      }
      double v = Double.parseDouble(t.text());
      c.next();
      Token unit = c.t();
      if (unit.type() != TokenType.ID) {
        throw c.error(VclRules.SYNTAX, "Expected BYTES unit (B, KB, MB...) got " + unit.quoted(), unit);
      }
      Double scale = Units.bytes(v, unit.text());
      if (scale == null) {
        throw c.error(VclRules.SYNTAX, Units.bytesError(v, unit.text()) + unit.quoted(), unit);
      }
      c.next();
      return new Expr.NumberLit(pos, VclType.BYTES, scale);
    }
    c.next();
    double v = Double.parseDouble(t.text());
    if (c.t().type() == TokenType.ID) {
      Token unit = c.t();
      double scale = Units.duration(unit.text());
      if (Double.isNaN(scale)) {
        throw c.error(VclRules.SYNTAX, "Unknown duration unit " + unit.quoted() + "\n" + Units.LEGAL_DURATION, unit);
      }
      c.next();
      return new Expr.NumberLit(pos, VclType.DURATION, sign * v * scale);
    }
    if (fmt == VclType.REAL || t.type() == TokenType.FNUM) {
      return new Expr.NumberLit(pos, VclType.REAL, sign * v);
    }
    return new Expr.NumberLit(pos, VclType.INT, sign * v);
  }

  private Expr ipConstant(Token t) {
    String text = t.decoded();
    if (text.startsWith("/")) {
      throw c.error(VclRules.TYPE, "Cannot convert to an IP address: " + t.quoted(), t);
    }
    byte[] address = Endpoints.ipConstant(c, t);
    if (address == null) {
      // VCC resolves the name with DNS when it compiles; opsbook does not.
      c.notices.add(new Compilation.Notice(VclRules.HOST_NAME, t, "IP constant " + t.quoted()
          + " is a name that Varnish resolves when it compiles the VCL; opsbook cannot resolve it", null));
      return new Expr.IpLit(Compilation.pos(t), text, new byte[0]);
    }
    return new Expr.IpLit(Compilation.pos(t), text, address);
  }

  /** A regex: a string constant, or several joined with {@code +} (vcc_regexp). Leaves the last one current. */
  private Expr.Regex regex() {
    Token t0 = c.t();
    StringBuilder pattern = new StringBuilder(t0.decoded());
    while (c.peek().is("+")) {
      c.next();
      c.skip("+");
      c.expect(TokenType.CSTR);
      pattern.append(c.t().decoded());
    }
    String p = pattern.toString();
    regexes.check(p, t0, c);
    return new Expr.Regex(Compilation.pos(t0), p);
  }

  private Expr regsub(boolean all, Pos pos) {
    c.skip("(");
    Expr subject = expr(VclType.STRING);
    c.skip(",");
    Expr re = expr(VclType.REGEX);
    c.skip(",");
    Expr replacement = expr(VclType.STRING);
    c.skip(")");
    return new Expr.Regsub(pos, all, subject, (Expr.Regex) re, replacement);
  }

  /** A call of a VMOD function or method (vcc_func): positional then named arguments. */
  Expr.Call call(Symbol sym, String instance, Pos pos, Token nameToken) {
    Signature sig = sym.signature;
    Token tf = c.previous();
    c.skip("(");
    List<Param> params = sig.params();
    Expr[] result = new Expr[params.size()];
    boolean[] given = new boolean[params.size()];
    for (int k = 0; k < params.size(); k++) {
      if (c.t().is(")")) {
        break;
      }
      if (params.get(k).isPriv()) {
        continue;
      }
      if (c.t().type() == TokenType.ID && c.peek().is("=")) {
        break;
      }
      result[k] = argument(params.get(k));
      given[k] = true;
      if (c.t().is(")")) {
        break;
      }
      c.skip(",");
    }
    while (c.t().type() == TokenType.ID) {
      Token name = c.t();
      int k = -1;
      for (int j = 0; j < params.size(); j++) {
        if (params.get(j).name() != null && params.get(j).name().equals(name.text())) {
          k = j;
          break;
        }
      }
      if (k < 0) {
        throw c.error(VclRules.ARGUMENT, "Unknown argument '" + name.text() + "'", name);
      }
      if (given[k]) {
        throw c.error(VclRules.ARGUMENT, "Argument '" + params.get(k).name() + "' already used", name);
      }
      c.next();
      c.skip("=");
      result[k] = argument(params.get(k));
      given[k] = true;
      if (c.t().is(")")) {
        break;
      }
      c.skip(",");
    }
    List<Expr> args = new ArrayList<>();
    for (int k = 0; k < params.size(); k++) {
      Param p = params.get(k);
      Expr a = result[k];
      if (a == null && !p.isPriv() && p.defaultValue() != null) {
        a = Defaults.value(p, pos);
      }
      if (a == null && !p.isPriv() && !p.optional()) {
        throw c.error(VclRules.ARGUMENT, p.name() != null ? "Argument '" + p.name() + "' missing"
            : "Argument " + (k + 1) + " missing", c.t());
      }
      args.add(a);
    }
    c.skip(")");
    c.addUse(tf, c.t(), sym, Proc.UseKind.READ);
    VclType type = sig.returns() == VclType.STRING ? VclType.STRINGS : sig.returns();
    return new Expr.Call(pos, type, sig, instance, args);
  }

  private Expr argument(Param p) {
    if (p.type() == VclType.ENUM) {
      c.expect(TokenType.ID);
      Token w = c.t();
      if (!p.enumValues().contains(w.text())) {
        throw c.error(VclRules.ARGUMENT, "Wrong enum value.  Expected one of:\n\t"
            + String.join("\n\t", p.enumValues()), w);
      }
      c.next();
      return new Expr.EnumLit(Compilation.pos(w), w.text());
    }
    return expr(p.type());
  }

  /** Methods that may use a VMOD function: every one, as VCC marks them (VCL_MET_TASK_ALL). */
  static final java.util.Set<SubMethod> ANYWHERE = java.util.EnumSet.allOf(SubMethod.class);
}
