package org.opsbook.checker.vcl.syntax;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.vcl.catalogue.SubMethod;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.model.Acl;
import org.opsbook.checker.vcl.model.Backend;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.model.Pos;
import org.opsbook.checker.vcl.model.Probe;
import org.opsbook.checker.vcl.rules.VclRules;

/**
 * The state of one VCC compilation: the token stream, the symbol table, the subroutine being
 * compiled, and what has been declared so far. The statement, expression and declaration
 * compilers share it. One per snippet; not thread-safe.
 */
final class Compilation {
  final List<Token> tokens;
  int at;
  final SymbolTable symbols = new SymbolTable();
  int syntax;
  Proc current;
  final Map<SubMethod, Proc> methods = new EnumMap<>(SubMethod.class);
  final List<Proc> procs = new ArrayList<>();

  final Map<String, Backend> backends = new LinkedHashMap<>();
  String firstBackend;
  Symbol firstBackendSymbol;
  boolean defaultBackendDeclared;
  String defaultProbe;
  final Map<String, Probe> probes = new LinkedHashMap<>();
  final Map<String, Acl> acls = new LinkedHashMap<>();
  final Map<String, Expr.Call> instances = new LinkedHashMap<>();
  final List<String> imports = new ArrayList<>();
  /** Findings that do not stop compilation (host names, unchecked regexes), reported if it succeeds. */
  final List<Notice> notices = new ArrayList<>();

  /** A finding that is not an error of VCC's. */
  record Notice(RuleInfo rule, Token at, String message, String hint) {}

  Compilation(List<Token> tokens) {
    this.tokens = tokens;
  }

  // --- Tokens ---

  Token t() {
    return tokens.get(at);
  }

  Token peek() {
    return tokens.get(Math.min(at + 1, tokens.size() - 1));
  }

  Token peek(int n) {
    return tokens.get(Math.min(at + n, tokens.size() - 1));
  }

  Token previous() {
    return tokens.get(Math.max(0, at - 1));
  }

  void next() {
    if (t().type() != TokenType.EOI) {
      at++;
    }
  }

  /** VCC's Expect: the current token must be {@code op}. */
  void expect(String op) {
    if (!t().is(op)) {
      throw error(VclRules.SYNTAX, "Expected '" + op + "' got " + t().quoted(), t());
    }
  }

  void expect(TokenType type) {
    if (t().type() != type) {
      throw error(VclRules.SYNTAX, "Expected " + type.name() + " got " + t().quoted(), t());
    }
  }

  /** VCC's SkipToken. */
  void skip(String op) {
    expect(op);
    next();
  }

  VccError error(RuleInfo rule, String message, Token where) {
    return new VccError(rule, message, where);
  }

  VccError error(RuleInfo rule, String message, Token where, String hint) {
    return new VccError(rule, message, where, hint);
  }

  /** The tokens from index {@code from} up to (not including) {@code to}, joined as VCC prints them. */
  String text(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k < to && k < tokens.size(); k++) {
      b.append(tokens.get(k).text());
    }
    return b.toString();
  }

  static Pos pos(Token t) {
    return new Pos(t.source().name(), t.source().isAuthors() ? t.source().snippet() : null, t.line(), t.column());
  }

  Pos pos() {
    return pos(t());
  }

  static boolean hasVclPrefix(String name) {
    return name.length() >= 4 && name.substring(0, 4).toLowerCase(Locale.ROOT).equals("vcl_");
  }

  // --- Symbols (vcc_symb.c) ---

  /** VCC_SymbolGet: looks up the dotted name at the current token and moves past what it used. */
  Symbol lookup(Symbol.Kind kind, Lookup.Mode mode, Lookup.Xref xref) {
    Token first = t();
    if (syntax >= 41 && mode == Lookup.Mode.CREATE && kind != Symbol.Kind.SUB && hasVclPrefix(first.text())) {
      throw error(VclRules.SYNTAX, "Symbols named 'vcl_*' are reserved.", first);
    }
    int t0 = at;
    int tn = at;
    SymbolTable.Node st = symbols.root;
    Symbol sym = null;
    SymbolTable.Node st2 = null;
    int tn2 = -1;
    while (true) {
      Token tok = tokens.get(tn);
      if (tok.type() == TokenType.CSTR && syntax < 41) {
        throw error(VclRules.SYNTAX, "Quoted headers are available for VCL >= 4.1.", tok);
      }
      if (tok.type() == TokenType.ID || !tok.decoded().isEmpty()) {
        // vcc_symtab_str: an empty quoted part names no child, so req.http."" is req.http itself.
        st = st.child(tok.type() == TokenType.ID ? tok.text() : tok.decoded());
      }
      Symbol s2 = inTable(st, kind, syntax, syntax, tok);
      if (s2 != null) {
        sym = s2;
        st2 = st;
        tn2 = tn;
      }
      int tn1 = tn + 1;
      if (tn1 >= tokens.size() || !tokens.get(tn1).is(".")) {
        break;
      }
      tn1++;
      Token n1 = tokens.get(tn1);
      if (n1.type() == TokenType.CSTR && (sym == null || !sym.wildcard)) {
        break;
      }
      if (n1.type() != TokenType.CSTR && n1.type() != TokenType.ID) {
        break;
      }
      tn = tn1;
    }
    if (sym != null && sym.kind == Symbol.Kind.ALIAS) {
      SymbolTable.Node target = symbols.node(sym.aliasOf);
      Symbol real = inTable(target, Symbol.Kind.NONE, sym.low, sym.high, first);
      st = target;
      st2 = target;
      sym = real;
    }
    Lookup.Mode m = mode;
    if (sym != null && sym.kind == Symbol.Kind.VMOD && m.partial) {
      m = Lookup.Mode.EXISTING;
    }
    if (sym != null && m.partial) {
      st = st2;
      tn = tn2;
    } else if (st != st2) {
      sym = null;
    }
    if (sym == null && m.noError) {
      return null;
    }
    if (sym == null && m == Lookup.Mode.CREATE) {
      sym = new Symbol(st.name, st, kind, syntax, syntax);
      st.symbols.add(sym);
    }
    at = tn + 1;
    if (sym == null) {
      String written = text(t0, at);
      StringBuilder msg = new StringBuilder(m.message + ": '" + written + "'");
      Symbol other = inTable(st, kind, 40, 41, first);
      if (other != null && other.kind != Symbol.Kind.OBJECT && other.kind != Symbol.Kind.INSTANCE) {
        msg.append(" (Only available when ").append(version(other.low)).append(" <= VCL syntax <= ")
            .append(version(other.high)).append(")");
      }
      throw error(VclRules.UNKNOWN_SYMBOL, msg.toString(), first);
    }
    if (kind != Symbol.Kind.NONE && kind != sym.kind) {
      throw error(VclRules.TYPE, "Symbol '" + text(t0, at) + "' has wrong type (" + sym.kind.word() + "), expected "
          + kind.word() + ":", first);
    }
    if (xref == Lookup.Xref.DEF) {
      if (sym.defToken == null) {
        sym.defToken = first;
      }
      sym.ndef++;
    } else if (xref == Lookup.Xref.REF) {
      if (sym.refToken == null) {
        sym.refToken = first;
      }
      sym.nref++;
    }
    return sym;
  }

  static String version(int v) {
    return (v / 10) + "." + (v % 10);
  }

  /** vcc_sym_in_tab: a symbol of this node for the versions, or one a wildcard parent makes. */
  private Symbol inTable(SymbolTable.Node st, Symbol.Kind kind, int low, int high, Token where) {
    for (Symbol s : st.symbols) {
      if (s.low > high || s.high < low) {
        continue;
      }
      if (kind == Symbol.Kind.NONE && s.kind == Symbol.Kind.NONE && !s.wildcard) {
        continue;
      }
      if (syntax < 41 && !s.name.equals("default") && kind != Symbol.Kind.NONE && kind != s.kind && !s.wildcard) {
        continue;
      }
      return s;
    }
    SymbolTable.Node parent = st.parent;
    if (parent == null || parent.symbols.isEmpty() || !parent.symbols.get(0).wildcard) {
      return null;
    }
    Symbol family = parent.symbols.get(0);
    String header = st.name;
    if (header.length() >= 127) {
      throw error(VclRules.SYNTAX, "HTTP header (" + header.substring(0, 20) + "..) is too long.", where);
    }
    for (char c : header.toCharArray()) {
      if (!isTchar(c)) {
        throw error(VclRules.SYNTAX, "Invalid character '" + c + "' in header name.", where);
      }
    }
    Symbol s = new Symbol(st.name, st, Symbol.Kind.VAR, low, high);
    s.noref = true;
    s.type = family.type;
    s.eval = Symbol.Eval.VAR;
    s.variable = family.variable;
    s.header = header;
    s.readable = family.readable;
    s.writable = family.writable;
    s.unsetable = family.unsetable;
    st.symbols.add(s);
    return s;
  }

  /** RFC 9110 token characters, which header names consist of. */
  static boolean isTchar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  /** VCC_GlobalSymbol: makes a forward-declared name an object of {@code type}. */
  void makeGlobal(Symbol sym, VclType type) {
    sym.type = type;
    sym.kind = kindOf(type);
    sym.eval = type == VclType.SUB ? Symbol.Eval.SUB : Symbol.Eval.HANDLE;
  }

  static Symbol.Kind kindOf(VclType type) {
    if (type == VclType.ACL) {
      return Symbol.Kind.ACL;
    }
    if (type == VclType.BACKEND) {
      return Symbol.Kind.BACKEND;
    }
    if (type == VclType.PROBE) {
      return Symbol.Kind.PROBE;
    }
    if (type == VclType.STEVEDORE) {
      return Symbol.Kind.STEVEDORE;
    }
    if (type == VclType.SUB) {
      return Symbol.Kind.SUB;
    }
    if (type == VclType.INSTANCE) {
      return Symbol.Kind.INSTANCE;
    }
    return Symbol.Kind.NONE;
  }

  /**
   * VCC_HandleSymbol: the symbol a declaration of {@code type} defines at the current token,
   * refusing names already defined or used as something else.
   */
  Symbol defineHandle(VclType type) {
    Symbol.Kind kind = kindOf(type);
    Token t = t();
    Symbol sym = lookup(Symbol.Kind.NONE, Lookup.Mode.NOERR, Lookup.Xref.NONE);
    if (sym != null && sym.defToken != null && kind == sym.kind) {
      String k = kind.word();
      throw error(VclRules.REDEFINED, Character.toUpperCase(k.charAt(0)) + k.substring(1) + " '" + t.text()
          + "' redefined.", t, "first defined at line " + sym.defToken.line());
    } else if (sym != null && sym.defToken != null) {
      throw error(VclRules.REDEFINED, "Name '" + t.text() + "' already defined.", t,
          "first defined at line " + sym.defToken.line());
    } else if (sym != null && sym.kind != kind) {
      throw error(VclRules.REDEFINED, "Name " + t.text() + " must have type '" + sym.kind.word() + "'.", t);
    }
    if (sym == null) {
      sym = lookup(kind, Lookup.Mode.CREATE, Lookup.Xref.NONE);
    }
    makeGlobal(sym, type);
    sym.ndef = 1;
    if (sym.defToken == null) {
      sym.defToken = t;
    }
    return sym;
  }

  /** VCC's vcc_ExpectVid: a plain name, without dots. */
  void expectName(String what) {
    expect(TokenType.ID);
    int k = at + 1;
    boolean dotted = false;
    while (tokens.get(k).is(".")) {
      dotted = true;
      k++;
      if (tokens.get(k).type() != TokenType.ID) {
        break;
      }
      k++;
    }
    if (dotted) {
      throw error(VclRules.SYNTAX, "Name of " + what + ", '" + text(at, k) + "', contains illegal character '.'", t());
    }
  }

  // --- Uses (vcc_xref.c) ---

  void addUse(Token first, Token last, Symbol sym, Proc.UseKind kind) {
    java.util.Set<SubMethod> allowed = switch (kind) {
      case READ -> sym.readable;
      case WRITE -> sym.writable;
      case UNSET -> sym.unsetable;
      case ACTION -> sym.actionMethods == null ? java.util.EnumSet.allOf(SubMethod.class) : sym.actionMethods;
    };
    current.uses.add(new Proc.Use(first, last, sym, kind, allowed));
  }
}
