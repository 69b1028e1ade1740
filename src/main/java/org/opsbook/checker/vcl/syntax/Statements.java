package org.opsbook.checker.vcl.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.vcl.catalogue.ReturnAction;
import org.opsbook.checker.vcl.catalogue.SubMethod;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.model.Stmt;
import org.opsbook.checker.vcl.rules.VclRules;

/** VCC's statements (vcc_parse.c's compound statements and the actions of vcc_action.c). */
final class Statements {
  private final Compilation c;
  private final Expressions x;

  Statements(Compilation c, Expressions x) {
    this.c = c;
    this.x = x;
  }

  /** '{' statement* '}'. */
  Stmt.Block compound() {
    Token open = c.t();
    c.skip("{");
    List<Stmt> out = new ArrayList<>();
    while (true) {
      Token t = c.t();
      switch (t.type()) {
        case OP -> {
          if (t.is("{")) {
            out.add(compound());
            continue;
          }
          if (t.is("}")) {
            c.next();
            return new Stmt.Block(Compilation.pos(open), out);
          }
          throw c.error(VclRules.SYNTAX, "Expected an action, 'if', '{' or '}'", t);
        }
        case CSRC -> throw c.error(VclRules.INLINE_C, "Inline-C not allowed", t);
        case EOI -> throw c.error(VclRules.SYNTAX, "End of input while in compound statement", t);
        case ID -> {
          int start = c.at;
          Symbol sym = c.lookup(Symbol.Kind.NONE, Lookup.Mode.PARTIAL, Lookup.Xref.NONE);
          if (sym.action == Symbol.Action.NONE) {
            // VCC points at the token after the name it looked up.
            throw c.error(VclRules.SYNTAX, "Symbol cannot be used here.", c.t(),
                "a statement starts with set, unset, call, return, if, or a function call");
          }
          if (sym.actionMethods != null) {
            c.addUse(t, c.t(), sym, Proc.UseKind.ACTION);
          }
          out.add(action(sym, t, start));
        }
        default -> throw c.error(VclRules.SYNTAX, "Expected an action, 'if', '{' or '}'", t);
      }
    }
  }

  private Stmt action(Symbol sym, Token t, int start) {
    return switch (sym.action) {
      case IF -> ifStatement(t);
      case SET -> set(t);
      case UNSET -> unset(t);
      case CALL -> call(t);
      case RETURN -> returnStatement(t);
      case HASH_DATA -> {
        c.skip("(");
        Expr e = x.expr(VclType.STRANDS);
        c.skip(")");
        c.skip(";");
        yield new Stmt.HashData(Compilation.pos(t), e);
      }
      case BAN -> {
        c.skip("(");
        Expr e = x.expr(VclType.STRING);
        c.skip(")");
        c.skip(";");
        yield new Stmt.Ban(Compilation.pos(t), e);
      }
      case SYNTHETIC -> {
        c.expect("(");
        c.next();
        Expr e = x.expr(VclType.STRANDS);
        c.skip(")");
        c.skip(";");
        yield new Stmt.Synthetic(Compilation.pos(t), e);
      }
      case NEW -> newObject(t);
      case FUNCTION_CALL -> {
        Expr.Call call = x.call(sym, null, Compilation.pos(t), t);
        c.skip(";");
        yield new Stmt.Effect(Compilation.pos(t), call);
      }
      case OBJECT_CALL -> {
        c.expect(".");
        c.at = start;
        Expr e = x.expr4(sym.type);
        c.skip(";");
        if (e instanceof Expr.Call call) {
          yield new Stmt.Effect(Compilation.pos(t), call);
        }
        throw c.error(VclRules.SYNTAX, "Expected a method call", t);
      }
      default -> throw c.error(VclRules.SYNTAX, "Symbol cannot be used here.", t);
    };
  }

  private Stmt ifStatement(Token t) {
    List<Stmt.Branch> branches = new ArrayList<>();
    branches.add(new Stmt.Branch(conditional(), compound()));
    Stmt.Block otherwise = null;
    while (c.t().type() == TokenType.ID) {
      Token w = c.t();
      if (w.isId("else")) {
        c.next();
        if (c.t().is("{")) {
          otherwise = compound();
          break;
        }
        if (!c.t().isId("if")) {
          throw c.error(VclRules.SYNTAX, "'else' must be followed by 'if' or '{'", c.t());
        }
        c.next();
        branches.add(new Stmt.Branch(conditional(), compound()));
      } else if (w.isId("elseif") || w.isId("elsif") || w.isId("elif")) {
        c.next();
        branches.add(new Stmt.Branch(conditional(), compound()));
      } else {
        break;
      }
    }
    return new Stmt.If(Compilation.pos(t), branches, otherwise);
  }

  private Expr conditional() {
    c.skip("(");
    Expr e = x.expr(VclType.BOOL);
    c.skip(")");
    return e;
  }

  /** The assignments VCC allows: variable type, operator, and the type of the right side. */
  private record Assign(VclType type, String op, VclType want) {}

  private static final List<Assign> ASSIGN = List.of(
      new Assign(VclType.INT, "+=", VclType.INT), new Assign(VclType.INT, "-=", VclType.INT),
      new Assign(VclType.INT, "*=", VclType.INT), new Assign(VclType.INT, "/=", VclType.INT),
      new Assign(VclType.INT, "=", VclType.INT),
      new Assign(VclType.TIME, "+=", VclType.DURATION), new Assign(VclType.TIME, "-=", VclType.DURATION),
      new Assign(VclType.TIME, "*=", VclType.REAL), new Assign(VclType.TIME, "/=", VclType.REAL),
      new Assign(VclType.TIME, "=", VclType.TIME),
      new Assign(VclType.DURATION, "+=", VclType.DURATION), new Assign(VclType.DURATION, "-=", VclType.DURATION),
      new Assign(VclType.DURATION, "*=", VclType.REAL), new Assign(VclType.DURATION, "/=", VclType.REAL),
      new Assign(VclType.DURATION, "=", VclType.DURATION),
      new Assign(VclType.STRING, "+=", VclType.STRANDS), new Assign(VclType.STRING, "=", VclType.STRANDS),
      new Assign(VclType.HEADER, "+=", VclType.STRANDS), new Assign(VclType.HEADER, "=", VclType.STRANDS),
      new Assign(VclType.BODY, "=", VclType.BODY), new Assign(VclType.BODY, "+=", VclType.BODY));

  private Stmt set(Token t) {
    c.expect(TokenType.ID);
    Token first = c.t();
    Symbol sym = c.lookup(Symbol.Kind.VAR, Lookup.Mode.EXISTING, Lookup.Xref.NONE);
    c.addUse(first, c.t(), sym, Proc.UseKind.WRITE);
    VclType type = sym.type;
    String op = null;
    for (Assign a : ASSIGN) {
      if (a.type() == type && c.t().is(a.op())) {
        op = a.op();
        type = a.want();
        c.next();
        break;
      }
    }
    if (op == null) {
      c.skip("=");
      op = "=";
    }
    Expr value = x.expr(type);
    c.skip(";");
    Expr.VarRead target = new Expr.VarRead(Compilation.pos(first), sym.variable, sym.header, sym.type);
    return new Stmt.Set(Compilation.pos(t), target, op, value);
  }

  private Stmt unset(Token t) {
    c.expect(TokenType.ID);
    Token first = c.t();
    Symbol sym = c.lookup(Symbol.Kind.VAR, Lookup.Mode.EXISTING, Lookup.Xref.NONE);
    if (sym.unsetable.isEmpty()) {
      throw c.error(VclRules.READ_ONLY, "Variable cannot be unset.", first);
    }
    c.addUse(first, c.t(), sym, Proc.UseKind.UNSET);
    c.skip(";");
    return new Stmt.Unset(Compilation.pos(t), new Expr.VarRead(Compilation.pos(first), sym.variable, sym.header,
        sym.type));
  }

  private Stmt call(Token t) {
    c.expect(TokenType.ID);
    int t0 = c.at;
    Token name = c.t();
    Symbol sym = c.lookup(Symbol.Kind.NONE, Lookup.Mode.PARTIAL_NOERR, Lookup.Xref.REF);
    if (sym == null) {
      sym = c.lookup(Symbol.Kind.SUB, Lookup.Mode.CREATE, Lookup.Xref.REF);
      c.makeGlobal(sym, VclType.SUB);
    }
    if (sym.kind == Symbol.Kind.SUB) {
      c.current.calls.add(new Proc.CallSite(sym, name));
      c.skip(";");
      return new Stmt.Call(Compilation.pos(t), sym.fullName(), null);
    }
    c.at = t0;
    Expr e = x.expr(VclType.SUB);
    c.skip(";");
    return new Stmt.Call(Compilation.pos(t), null, e);
  }

  private Stmt returnStatement(Token t) {
    if (c.t().is(";") && c.current.method == null) {
      c.skip(";");
      return new Stmt.Return(Compilation.pos(t), null, List.of(), null);
    }
    c.skip("(");
    c.expect(TokenType.ID);
    Token word = c.t();
    ReturnAction action = ReturnAction.byWord(word.text()).orElse(null);
    if (action == null) {
      throw c.error(VclRules.BAD_RETURN, "Expected return action name.", word);
    }
    Proc p = c.current;
    p.firstReturn.putIfAbsent(action, word);
    java.util.Set<SubMethod> allowing = java.util.EnumSet.noneOf(SubMethod.class);
    for (SubMethod m : SubMethod.values()) {
      if (m.allows(action)) {
        allowing.add(m);
      }
    }
    p.okMask.retainAll(allowing);
    c.next();
    List<Expr> args = new ArrayList<>();
    String label = null;
    if (c.t().is("(")) {
      switch (action) {
        case SYNTH, ERROR -> {
          c.skip("(");
          args.add(x.expr(VclType.INT));
          if (c.t().is(",")) {
            c.next();
            args.add(x.expr(VclType.STRING));
          }
          c.skip(")");
        }
        case VCL -> {
          c.skip("(");
          c.expect(TokenType.ID);
          Token l = c.t();
          c.lookup(Symbol.Kind.VCL, Lookup.Mode.EXISTING, Lookup.Xref.NONE);
          label = l.text();
          c.skip(")");
        }
        case PASS -> {
          c.skip("(");
          args.add(x.expr(VclType.DURATION));
          c.skip(")");
        }
        case FAIL -> {
          c.skip("(");
          args.add(x.expr(VclType.STRING));
          c.skip(")");
        }
        default -> throw c.error(VclRules.SYNTAX, "Arguments not allowed.", c.t());
      }
    } else if (action == ReturnAction.SYNTH || action == ReturnAction.VCL) {
      throw c.error(VclRules.SYNTAX, "Missing argument.", c.t());
    }
    c.skip(")");
    c.skip(";");
    return new Stmt.Return(Compilation.pos(t), action, args, label);
  }

  private Stmt newObject(Token t) {
    c.expect(TokenType.ID);
    c.expectName("VCL object");
    Token name = c.t();
    Symbol instance = c.defineHandle(VclType.INSTANCE);
    instance.noref = true;
    instance.action = Symbol.Action.OBJECT_CALL;
    c.skip("=");
    c.expect(TokenType.ID);
    Token clsToken = c.t();
    Symbol cls = c.lookup(Symbol.Kind.OBJECT, Lookup.Mode.EXISTING, Lookup.Xref.NONE);
    instance.type = cls.type;
    instance.objectClass = cls.objectClass;
    Symbol ctor = new Symbol(cls.name, cls.node, Symbol.Kind.FUNC, 40, 41);
    ctor.signature = cls.objectClass.constructor();
    ctor.readable = java.util.EnumSet.of(SubMethod.INIT);
    Expr.Call call = x.call(ctor, null, Compilation.pos(clsToken), clsToken);
    c.skip(";");
    c.instances.put(name.text().toLowerCase(java.util.Locale.ROOT), call);
    return new Stmt.New(Compilation.pos(t), name.text(), call);
  }
}
