package org.opsbook.checker.vcl.syntax;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opsbook.checker.vcl.catalogue.ReturnAction;
import org.opsbook.checker.vcl.catalogue.SubMethod;
import org.opsbook.checker.vcl.rules.VclRules;

/**
 * What VCC checks once the whole program is read (vcc_xref.c): names used but not defined and
 * defined but not used, the return actions of each subroutine through every built-in subroutine
 * that calls it, and the variables and actions each may use. VCC stops at the first of these;
 * this reports every one, each once.
 */
final class CrossChecks {
  private final Compilation c;
  private final List<VccError> errors = new ArrayList<>();
  private final Set<Token> reported = new HashSet<>();
  private final Set<Proc> inReportedCycle = new HashSet<>();

  private CrossChecks(Compilation c) {
    this.c = c;
  }

  /** Every error found, in the order VCC's phases would find them. */
  static List<VccError> run(Compilation c, boolean complete) {
    CrossChecks x = new CrossChecks(c);
    if (complete) {
      x.references();
    }
    x.returns();
    x.uses();
    return x.errors;
  }

  private void add(VccError e) {
    if (e.at().source().isAuthors() && reported.add(e.at())) {
      errors.add(e);
    }
  }

  private void references() {
    c.symbols.walk(s -> {
      if (s.noref) {
        return;
      }
      if (s.ndef == 0 && s.nref != 0 && s.refToken != null) {
        add(c.error(VclRules.UNDEFINED, "Undefined " + s.kind.word() + " " + s.refToken.text()
            + ", first reference:", s.refToken));
      } else if (s.ndef != 0 && s.nref == 0 && s.defToken != null) {
        add(c.error(VclRules.UNUSED, "Unused " + s.kind.word() + " " + s.defToken.text() + ", defined:",
            s.defToken, "remove it, or use it; Varnish refuses VCL with unused objects"));
      }
    });
  }

  // --- Returns (vcc_CheckAction) ---

  private void returns() {
    for (Proc p : c.procs) {
      if (p.name == null && p.bodies.isEmpty()) {
        continue;
      }
      Set<ReturnAction> allowed = p.method == null ? EnumSet.allOf(ReturnAction.class) : p.method.returns();
      returnsOf(p, allowed, p.method, new ArrayList<>());
    }
  }

  private void returnsOf(Proc p, Set<ReturnAction> allowed, SubMethod method, List<Proc> stack) {
    if (stack.contains(p)) {
      List<Proc> cycle = stack.subList(stack.indexOf(p), stack.size());
      if (p.name != null && cycle.stream().noneMatch(inReportedCycle::contains)) {
        inReportedCycle.addAll(cycle);
        add(c.error(VclRules.RECURSION, "Subroutine recurses on", p.name, "called again from "
            + stack.get(stack.size() - 1).displayName()));
      }
      return;
    }
    for (var r : p.firstReturn.entrySet()) {
      if (!allowed.contains(r.getKey())) {
        String hint = "...in subroutine \"" + p.displayName() + "\"";
        if (method != null) {
          hint += (stack.isEmpty() ? "" : ", called from \"" + method.subName() + "\"") + "; legal returns of "
              + method.subName() + " are: " + String.join(" ", method.legalReturnsInVccOrder().stream()
                  .map(a -> "\"" + a.word() + "\"").toList());
        }
        String advice = method == null ? null : Vcl3.returnAdvice(method, r.getKey());
        add(c.error(advice != null ? VclRules.VCL3 : VclRules.BAD_RETURN,
            "Invalid return \"" + r.getKey().word() + "\"", r.getValue(), advice != null ? advice : hint));
      }
    }
    stack.add(p);
    for (Proc.CallSite call : p.calls) {
      Proc callee = call.target().proc;
      if (callee == null) {
        add(c.error(VclRules.UNDEFINED, "Subroutine " + call.target().name + " does not exist", call.at()));
        continue;
      }
      if (method != null) {
        callee.calledFrom.add(method);
      }
      returnsOf(callee, allowed, method, stack);
    }
    stack.remove(stack.size() - 1);
  }

  // --- Uses (vcc_CheckUses) ---

  private void uses() {
    for (Proc p : c.procs) {
      if (p.method != null) {
        usesOf(p, p.method, p, new ArrayList<>());
      }
    }
    // VCC's "Impossible Subroutine" check comes last and catches what the per-method checks cannot
    // see: subroutines no built-in subroutine reaches.
    Set<Proc> reached = new HashSet<>();
    for (Proc p : c.procs) {
      if (p.method != null) {
        reach(p, reached);
      }
    }
    for (Proc p : c.procs) {
      if (p.name != null && p.method == null && !reached.contains(p) && p.name.source().isAuthors()
          && okMask(p, new ArrayList<>()).isEmpty()) {
        add(c.error(VclRules.NOT_AVAILABLE, "Impossible Subroutine", p.name,
            "it uses variables or actions that no single built-in subroutine has"));
      }
    }
  }

  private static void reach(Proc p, Set<Proc> reached) {
    if (!reached.add(p)) {
      return;
    }
    for (Proc.CallSite call : p.calls) {
      if (call.target().proc != null) {
        reach(call.target().proc, reached);
      }
    }
  }

  private void usesOf(Proc p, SubMethod m, Proc top, List<Proc> stack) {
    if (stack.contains(p)) {
      return;
    }
    for (Proc.Use u : p.uses) {
      if (u.allowed().contains(m)) {
        continue;
      }
      String where = p == top ? " in subroutine '" + m.subName() + "'." : " from subroutine '" + m.subName() + "'.";
      String hint = p == top ? null : "...in subroutine \"" + p.displayName() + "\"";
      Symbol s = u.symbol();
      if (u.kind() == Proc.UseKind.WRITE && u.allowed().isEmpty()) {
        if (s.readable.isEmpty()) {
          add(c.error(VclRules.READ_ONLY, "Variable cannot be set.", u.first()));
          continue;
        }
        if (s.readable.contains(m)) {
          add(c.error(VclRules.READ_ONLY, "Variable is read only.", u.first(), readOnlyHint(s)));
          continue;
        }
        add(c.error(VclRules.NOT_AVAILABLE, Proc.UseKind.READ.failure + where, u.first(), hint(s, m, hint)));
        continue;
      }
      add(c.error(VclRules.NOT_AVAILABLE, u.kind().failure + where, u.first(), hint(s, m, hint)));
    }
    stack.add(p);
    for (Proc.CallSite call : p.calls) {
      if (call.target().proc != null) {
        usesOf(call.target().proc, m, top, stack);
      }
    }
    stack.remove(stack.size() - 1);
  }

  private static String readOnlyHint(Symbol s) {
    String n = s.fullName().toLowerCase(java.util.Locale.ROOT);
    if (n.startsWith("obj.")) {
      return "obj is read-only since Varnish 4; in vcl_synth the response is resp, in vcl_backend_response beresp";
    }
    return null;
  }

  private static String hint(Symbol s, SubMethod m, String where) {
    String n = s.fullName().toLowerCase(java.util.Locale.ROOT);
    String extra = null;
    if (n.startsWith("req.") && m.side() == SubMethod.Side.BACKEND) {
      extra = "on the backend side the request is bereq (VCL 3's vcl_fetch could read req)";
    } else if (n.startsWith("obj.") && m == SubMethod.SYNTH_) {
      extra = "in vcl_synth the response is resp (VCL 3's vcl_error used obj)";
    } else if (n.startsWith("beresp.") && m.side() == SubMethod.Side.CLIENT) {
      extra = "beresp exists only in vcl_backend_response and vcl_backend_error";
    }
    if (where == null) {
      return extra;
    }
    return extra == null ? where : where + "; " + extra;
  }

  /** The methods a subroutine could run in, given what it and its callees use (VCC's okmask). */
  private Set<SubMethod> okMask(Proc p, List<Proc> stack) {
    EnumSet<SubMethod> mask = EnumSet.allOf(SubMethod.class);
    mask.retainAll(p.okMask);
    for (Proc.Use u : p.uses) {
      mask.retainAll(u.allowed());
    }
    if (stack.contains(p)) {
      return mask;
    }
    stack.add(p);
    for (Proc.CallSite call : p.calls) {
      if (call.target().proc != null) {
        mask.retainAll(okMask(call.target().proc, stack));
      }
    }
    stack.remove(stack.size() - 1);
    return mask;
  }
}
