package org.opsbook.checker.vcl.syntax;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opsbook.checker.vcl.catalogue.ReturnAction;
import org.opsbook.checker.vcl.catalogue.SubMethod;
import org.opsbook.checker.vcl.model.Stmt;

/**
 * A subroutine while it compiles (VCC's struct proc): its calls, the variables and actions it
 * uses, the returns it makes, and the methods it could still run in.
 */
final class Proc {
  /** A call of another subroutine. */
  record CallSite(Symbol target, Token at) {}

  /** A read, write or unset of a variable, or a restricted action, with the methods that allow it. */
  record Use(Token first, Token last, Symbol symbol, UseKind kind, Set<SubMethod> allowed) {}

  /** What a use does, with VCC's words for each failure. */
  enum UseKind {
    READ("Not available"), WRITE("Cannot be set"), UNSET("Cannot be unset"), ACTION("Not a valid action");

    final String failure;

    UseKind(String failure) {
      this.failure = failure;
    }
  }

  final Symbol symbol;
  final SubMethod method;
  Token name;
  final List<CallSite> calls = new ArrayList<>();
  final List<Use> uses = new ArrayList<>();
  final Map<ReturnAction, Token> firstReturn = new EnumMap<>(ReturnAction.class);
  final Set<SubMethod> okMask = EnumSet.allOf(SubMethod.class);
  final Set<SubMethod> calledFrom = EnumSet.noneOf(SubMethod.class);
  final List<Stmt.Block> bodies = new ArrayList<>();
  boolean active;

  Proc(Symbol symbol, SubMethod method) {
    this.symbol = symbol;
    this.method = method;
  }

  String displayName() {
    return name != null ? name.text() : symbol.fullName();
  }
}
