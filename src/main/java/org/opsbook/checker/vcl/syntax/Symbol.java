package org.opsbook.checker.vcl.syntax;

import java.util.Locale;
import java.util.Set;
import org.opsbook.checker.vcl.catalogue.Signature;
import org.opsbook.checker.vcl.catalogue.SubMethod;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.catalogue.Variable;
import org.opsbook.checker.vcl.catalogue.Vmod;

/**
 * An entry of VCC's symbol table (vcc_symb.c): a name with its kind, type, the VCL versions it
 * exists in, and what VCC knows about its definition and use. Mutable while one program compiles.
 */
final class Symbol {
  /** The kinds of symbol (include/tbl/symbol_kind.h), with the names VCC prints. */
  enum Kind {
    NONE, RESERVED, ALIAS, ACL, ACTION, BACKEND, FUNC, INSTANCE, METHOD, OBJECT, PROBE, STEVEDORE, SUB, VAR, VCL,
    VMOD;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How an expression made of this symbol is built (VCC's eval functions). */
  enum Eval { NONE, VAR, HANDLE, SUB, FUNC, BOOL_TRUE, BOOL_FALSE, DEFAULT, REGSUB, REGSUBALL, TYPE_METHOD }

  /** The statements a symbol starts (VCC's actions). */
  enum Action { NONE, BAN, CALL, HASH_DATA, IF, NEW, RETURN, SET, SYNTHETIC, UNSET, FUNCTION_CALL, OBJECT_CALL }

  final String name;
  final SymbolTable.Node node;
  Kind kind;
  VclType type = VclType.VOID;
  final int low;
  final int high;

  Eval eval = Eval.NONE;
  Action action = Action.NONE;
  /** For actions allowed only in some methods (hash_data, new, synthetic); {@code null} when anywhere. */
  Set<SubMethod> actionMethods;

  /** A header family (req.http): looking up a name below it makes a header variable. */
  boolean wildcard;

  // Cross-reference counts (vcc_xref.c).
  boolean noref;
  int nref;
  int ndef;
  Token defToken;
  Token refToken;

  // Variables.
  Variable variable;
  String header;
  Set<SubMethod> readable = Set.of();
  Set<SubMethod> writable = Set.of();
  Set<SubMethod> unsetable = Set.of();

  // Functions, methods, objects, VMODs.
  Signature signature;
  Vmod vmod;
  Vmod.ObjectClass objectClass;
  String aliasOf;
  /** The STRINGS/BACKEND/STEVEDORE type method this stands for. */
  String typeMethod;

  // Subroutines.
  Proc proc;

  Symbol(String name, SymbolTable.Node node, Kind kind, int low, int high) {
    this.name = name;
    this.node = node;
    this.kind = kind;
    this.low = low;
    this.high = high;
  }

  /** The symbol's full dotted name, as VCC_SymName writes it. */
  String fullName() {
    return node.path();
  }

  boolean existsIn(int syntax) {
    return low <= syntax && syntax <= high;
  }
}
