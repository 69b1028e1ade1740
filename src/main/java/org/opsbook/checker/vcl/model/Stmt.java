package org.opsbook.checker.vcl.model;

import java.util.List;
import org.opsbook.checker.vcl.catalogue.ReturnAction;

/** A statement of a subroutine body. */
public sealed interface Stmt {
  Pos pos();

  /** {@code { ... }}. */
  record Block(Pos pos, List<Stmt> statements) implements Stmt {
    public Block {
      statements = List.copyOf(statements);
    }
  }

  /** {@code set TARGET OP VALUE;} where OP is {@code =}, {@code +=}, {@code -=}, {@code *=} or {@code /=}. */
  record Set(Pos pos, Expr.VarRead target, String op, Expr value) implements Stmt {}

  record Unset(Pos pos, Expr.VarRead target) implements Stmt {}

  /** {@code call NAME;} of a subroutine by name, or of a SUB expression. */
  record Call(Pos pos, String sub, Expr dynamic) implements Stmt {}

  /**
   * {@code return (ACTION[(ARGS)]);}, or {@code return;} in a custom subroutine ({@code action}
   * {@code null}). Arguments: synth(status[, reason]), pass(duration), fail(reason), vcl(label).
   */
  record Return(Pos pos, ReturnAction action, List<Expr> args, String label) implements Stmt {
    public Return {
      args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }
  }

  /** {@code if (...) {...} elseif (...) {...} else {...}}. */
  record If(Pos pos, List<Branch> branches, Block otherwise) implements Stmt {
    public If {
      branches = List.copyOf(branches);
    }
  }

  record Branch(Expr condition, Block body) {}

  /** A VMOD function or object method called for its effect. */
  record Effect(Pos pos, Expr.Call call) implements Stmt {}

  /** {@code new NAME = vmod.class(...);} in vcl_init. */
  record New(Pos pos, String name, Expr.Call constructor) implements Stmt {}

  record Synthetic(Pos pos, Expr body) implements Stmt {}

  record HashData(Pos pos, Expr value) implements Stmt {}

  record Ban(Pos pos, Expr expression) implements Stmt {}
}
