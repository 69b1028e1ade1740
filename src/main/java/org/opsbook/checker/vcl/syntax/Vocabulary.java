package org.opsbook.checker.vcl.syntax;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.opsbook.checker.vcl.catalogue.SubMethod;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.catalogue.Variable;
import org.opsbook.checker.vcl.catalogue.VariableCatalogue;

/**
 * The symbols VCC knows before it reads a word of the program: the top-level keywords, the
 * statements, {@code regsub}, {@code true}, {@code false}, {@code default}, the built-in
 * subroutines, the variables and the stevedores of {@code varnishd -C} (s0 and Transient).
 * Facts from vcc_parse.c, vcc_action.c, vcc_expr.c, vcc_compile.c and vcl-var(7) of Varnish 7.1.
 */
final class Vocabulary {
  /** Type methods: attributes and methods of values of built-in types (vcc_types.c). */
  static final Map<String, Map<String, VclType>> TYPE_METHODS = Map.of(
      "STRINGS", Map.of("upper", VclType.STRING, "lower", VclType.STRING),
      "BACKEND", Map.of("resolve", VclType.BACKEND),
      "STEVEDORE", Map.of("free_space", VclType.BYTES, "used_space", VclType.BYTES, "happy", VclType.BOOL));

  /** Type methods that are calls and take {@code ()}; the others are attributes. */
  static final java.util.Set<String> TYPE_METHOD_CALLS = java.util.Set.of("upper", "lower", "resolve");

  private Vocabulary() {}

  static void populate(Compilation c, List<String> stevedores) {
    SymbolTable s = c.symbols;
    for (String word : List.of("acl", "sub", "backend", "probe", "import", "vcl")) {
      s.make(word, Symbol.Kind.RESERVED, 41, 41);
    }
    action(s, "ban", Symbol.Action.BAN, null);
    action(s, "call", Symbol.Action.CALL, null);
    action(s, "hash_data", Symbol.Action.HASH_DATA, EnumSet.of(SubMethod.HASH_));
    action(s, "if", Symbol.Action.IF, null);
    action(s, "new", Symbol.Action.NEW, EnumSet.of(SubMethod.INIT));
    action(s, "return", Symbol.Action.RETURN, null);
    action(s, "set", Symbol.Action.SET, null);
    action(s, "synthetic", Symbol.Action.SYNTHETIC, EnumSet.of(SubMethod.SYNTH_, SubMethod.BACKEND_ERROR));
    action(s, "unset", Symbol.Action.UNSET, null);

    function(s, "regsub", VclType.STRING, Symbol.Eval.REGSUB);
    function(s, "regsuball", VclType.STRING, Symbol.Eval.REGSUBALL);
    function(s, "true", VclType.BOOL, Symbol.Eval.BOOL_TRUE);
    function(s, "false", VclType.BOOL, Symbol.Eval.BOOL_FALSE);
    function(s, "default", VclType.BACKEND, Symbol.Eval.DEFAULT);

    for (SubMethod m : SubMethod.values()) {
      Symbol sym = s.make(m.subName(), Symbol.Kind.SUB, 40, 41);
      sym.type = VclType.SUB;
      sym.eval = Symbol.Eval.SUB;
      Proc p = new Proc(sym, m);
      sym.proc = p;
      c.methods.put(m, p);
      c.procs.add(p);
    }

    for (Variable v : VariableCatalogue.all()) {
      Symbol sym = s.make(v.name(), v.isHeaderFamily() ? Symbol.Kind.NONE : Symbol.Kind.VAR, v.lowVersion(),
          v.highVersion());
      sym.type = v.type();
      sym.eval = Symbol.Eval.VAR;
      sym.variable = v;
      sym.wildcard = v.isHeaderFamily();
      sym.readable = v.readable();
      sym.writable = v.writable();
      sym.unsetable = v.unsetable();
    }

    for (String stevedore : stevedores) {
      Symbol sym = s.make("storage." + stevedore, Symbol.Kind.VAR, 40, 41);
      sym.type = VclType.STEVEDORE;
      sym.eval = Symbol.Eval.VAR;
      sym.variable = new Variable("storage." + stevedore, VclType.STEVEDORE, 40, 41,
          EnumSet.allOf(SubMethod.class), EnumSet.noneOf(SubMethod.class), EnumSet.noneOf(SubMethod.class));
      sym.readable = EnumSet.allOf(SubMethod.class);
    }
  }

  private static void action(SymbolTable s, String word, Symbol.Action action, EnumSet<SubMethod> methods) {
    Symbol sym = s.make(word, Symbol.Kind.ACTION, 40, 41);
    sym.action = action;
    sym.actionMethods = methods;
  }

  private static void function(SymbolTable s, String word, VclType type, Symbol.Eval eval) {
    Symbol sym = s.make(word, Symbol.Kind.FUNC, 40, 41);
    sym.type = type;
    sym.eval = eval;
  }
}
