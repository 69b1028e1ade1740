package org.opsbook.checker.vcl.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opsbook.checker.vcl.catalogue.Signature;
import org.opsbook.checker.vcl.catalogue.SubMethod;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.catalogue.Vmod;
import org.opsbook.checker.vcl.catalogue.VmodCatalogue;
import org.opsbook.checker.vcl.model.Backend;
import org.opsbook.checker.vcl.model.Pos;
import org.opsbook.checker.vcl.model.Probe;
import org.opsbook.checker.vcl.rules.VclRules;

/**
 * The top-level declarations other than ACLs: backends and probes (vcc_backend.c), imports
 * (vcc_vmod.c) and subroutines (vcc_parse.c).
 */
final class Declarations {
  private final Compilation c;
  private final Statements statements;
  private final Set<String> builtinSubs;

  Declarations(Compilation c, Statements statements, Set<String> builtinSubs) {
    this.c = c;
    this.statements = statements;
    this.builtinSubs = builtinSubs;
  }

  // --- sub NAME { ... } ---

  void sub() {
    c.next();
    c.expectName("subroutine");
    Token name = c.t();
    Symbol sym = c.lookup(Symbol.Kind.SUB, Lookup.Mode.CREATE, Lookup.Xref.DEF);
    boolean inBuiltin = builtinSubs.contains(name.text().toLowerCase(Locale.ROOT));
    Proc p = sym.proc;
    if (p == null) {
      if (!inBuiltin && Compilation.hasVclPrefix(name.text()) && name.source().kind() != Source.Kind.BUILTIN) {
        throw c.error(VclRules.SYNTAX, "The names 'vcl_*' are reserved for subroutines.", name,
            "Valid vcl_* subroutines are: " + String.join(", ", builtinSubs.stream().sorted().toList()));
      }
      c.makeGlobal(sym, VclType.SUB);
      p = new Proc(sym, null);
      p.name = name;
      sym.proc = p;
      c.procs.add(p);
    } else if (p.method == null && !inBuiltin) {
      throw c.error(VclRules.REDEFINED, "Subroutine '" + sym.name + "' redefined", name,
          "previously defined at line " + p.name.line());
    } else if (p.name == null) {
      p.name = name;
    }
    c.current = p;
    p.bodies.add(statements.compound());
    c.current = null;
  }

  // --- backend NAME { ... } | backend NAME none; ---

  void backend() {
    Token first = c.t();
    c.expect(TokenType.ID);
    c.next();
    c.expectName("backend");
    Token name = c.t();
    String key;
    if (name.isId("default")) {
      if (c.firstBackendSymbol != null) {
        c.firstBackendSymbol.noref = false;
        c.firstBackendSymbol = null;
        c.firstBackend = null;
      }
      if (c.defaultBackendDeclared) {
        throw c.error(VclRules.REDEFINED, "Only one default director possible.", first);
      }
      c.next();
      c.defaultBackendDeclared = true;
      key = "default";
    } else {
      Symbol sym = c.defineHandle(VclType.BACKEND);
      key = sym.fullName().toLowerCase(Locale.ROOT);
      if (c.firstBackend == null && !c.defaultBackendDeclared) {
        c.firstBackendSymbol = sym;
        c.firstBackend = key;
        sym.noref = true;
      }
    }
    try {
      hostDefinition(name, key);
    } catch (VccError e) {
      throw new VccError(e.rule(), e.getMessage() + "\n\nIn " + first.text() + " specification starting at:",
          e.at(), e.hint());
    }
  }

  private static final List<String> BACKEND_FIELDS = List.of("host", "port", "path", "host_header",
      "connect_timeout", "first_byte_timeout", "between_bytes_timeout", "probe", "max_connections", "proxy_header",
      "preamble");

  private void hostDefinition(Token name, String key) {
    Pos pos = Compilation.pos(name);
    if (c.t().isId("none") || c.t().isId("None")) {
      c.next();
      c.skip(";");
      c.backends.put(key, new Backend(name.text(), pos, true, Map.of(), Map.of()));
      return;
    }
    c.skip("{");
    if (c.t().isId("set")) {
      throw c.error(VclRules.VCL3, "NB: Backend Syntax has changed:\nRemove \"set\" and \"backend\" in front of"
          + " backend fields.\n" + c.t().quoted() + " at", c.t(),
          "VCL 3 wrote `set backend.host = ...`; since Varnish 4 a backend lists `.host = \"...\";`");
    }
    Map<String, Token> seen = new LinkedHashMap<>();
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, Pos> positions = new LinkedHashMap<>();
    Token address = null;
    Token host = null;
    Token port = null;
    Token path = null;
    while (!c.t().is("}")) {
      Token field = field(BACKEND_FIELDS, seen);
      String f = field.text();
      positions.put(f, Compilation.pos(c.t()));
      switch (f) {
        case "host", "path" -> {
          if (f.equals("path") && c.syntax < 41) {
            throw c.error(VclRules.BACKEND, "Unix socket backends only supported in VCL4.1 and higher.\n"
                + c.t().quoted() + " at", c.t());
          }
          if (address != null) {
            throw c.error(VclRules.BACKEND, "Address redefinition at:", field, "previous definition at line "
                + address.line());
          }
          address = field;
          c.expect(TokenType.CSTR);
          if (f.equals("host")) {
            host = c.t();
          } else {
            path = c.t();
          }
          fields.put(f, c.t().decoded());
          c.next();
          c.skip(";");
        }
        case "port", "host_header" -> {
          c.expect(TokenType.CSTR);
          if (f.equals("port")) {
            port = c.t();
          }
          fields.put(f, c.t().decoded());
          c.next();
          c.skip(";");
        }
        case "connect_timeout", "first_byte_timeout", "between_bytes_timeout" -> {
          fields.put(f, duration());
          c.skip(";");
        }
        case "max_connections" -> {
          fields.put(f, Long.toString(unsigned()));
          c.skip(";");
        }
        case "proxy_header" -> {
          Token v = c.t();
          long u = unsigned();
          if (u != 1 && u != 2) {
            throw c.error(VclRules.BACKEND, ".proxy_header must be 1 or 2", v);
          }
          fields.put(f, Long.toString(u));
          c.skip(";");
        }
        case "probe" -> {
          if (c.t().is("{")) {
            probeSpec(null);
            fields.put(f, "{...}");
          } else if (c.t().type() == TokenType.ID) {
            if (c.t().isId("default")) {
              c.next();
              if (c.defaultProbe == null) {
                throw c.error(VclRules.UNDEFINED, "No default probe defined " + c.t().quoted() + " at", c.t());
              }
              fields.put(f, "default");
            } else {
              Token pr = c.t();
              c.lookup(Symbol.Kind.PROBE, Lookup.Mode.EXISTING, Lookup.Xref.REF);
              fields.put(f, pr.text());
            }
            c.skip(";");
          } else {
            throw c.error(VclRules.BACKEND, "Expected '{' or name of probe, got " + c.t().quoted() + " at", c.t());
          }
        }
        case "preamble" -> {
          c.expect(TokenType.CBLOB);
          fields.put(f, c.t().text());
          c.next();
          c.skip(";");
        }
        default -> throw new IllegalStateException(f);
      }
    }
    c.expect("}");
    if (host == null && path == null) {
      throw c.error(VclRules.BACKEND, "Expected .host or .path.", name);
    }
    if (host != null) {
      Endpoints.check(c, host, port);
    } else if (!path.decoded().startsWith("/")) {
      throw c.error(VclRules.BACKEND, "Backend path: Must be an absolute path:", path);
    }
    c.next();
    c.backends.put(key, new Backend(name.text(), pos, false, fields, positions));
  }

  /** vcc_IsField: '.' NAME '=' with NAME one of {@code names} and not seen before. */
  private Token field(List<String> names, Map<String, Token> seen) {
    c.skip(".");
    c.expect(TokenType.ID);
    Token f = c.t();
    c.next();
    c.skip("=");
    if (!names.contains(f.text())) {
      throw c.error(VclRules.BACKEND, "Unknown field: " + f.quoted() + " at", f);
    }
    Token before = seen.putIfAbsent(f.text(), f);
    if (before != null) {
      throw c.error(VclRules.BACKEND, "Field " + f.quoted() + " redefined at:", f,
          "first defined at line " + before.line());
    }
    return f;
  }

  private String duration() {
    Token t = c.t();
    if (t.type() != TokenType.CNUM && t.type() != TokenType.FNUM) {
      c.expect(TokenType.CNUM);
    }
    double v = Double.parseDouble(t.text());
    c.next();
    c.expect(TokenType.ID);
    Token unit = c.t();
    double scale = Units.duration(unit.text());
    if (Double.isNaN(scale)) {
      throw c.error(VclRules.SYNTAX, "Unknown duration unit " + unit.quoted() + "\n" + Units.LEGAL_DURATION, unit);
    }
    c.next();
    return Double.toString(v * scale);
  }

  private long unsigned() {
    c.expect(TokenType.CNUM);
    long v = Long.parseLong(c.t().text());
    c.next();
    return v;
  }

  // --- probe NAME { ... } ---

  void probe() {
    c.next();
    c.expectName("backend probe");
    Token name = c.t();
    if (name.isId("default")) {
      c.next();
      Map<String, String> f = probeSpec(name);
      c.defaultProbe = "default";
      c.probes.put("default", new Probe("default", Compilation.pos(name), f));
    } else {
      Symbol sym = c.defineHandle(VclType.PROBE);
      Map<String, String> f = probeSpec(name);
      c.probes.put(sym.fullName().toLowerCase(Locale.ROOT), new Probe(name.text(), Compilation.pos(name), f));
    }
  }

  private static final List<String> PROBE_FIELDS = List.of("url", "request", "expected_response", "timeout",
      "interval", "window", "threshold", "initial");

  private Map<String, String> probeSpec(Token name) {
    c.skip("{");
    Map<String, Token> seen = new LinkedHashMap<>();
    Map<String, String> fields = new LinkedHashMap<>();
    Token request = null;
    Token window = null;
    Token threshold = null;
    long windowValue = 0;
    long thresholdValue = 0;
    while (!c.t().is("}")) {
      Token field = field(PROBE_FIELDS, seen);
      switch (field.text()) {
        case "url" -> {
          request = redefine(request, field);
          c.expect(TokenType.CSTR);
          fields.put("url", c.t().decoded());
          c.next();
        }
        case "request" -> {
          request = redefine(request, field);
          c.expect(TokenType.CSTR);
          List<String> lines = new ArrayList<>();
          while (c.t().type() == TokenType.CSTR) {
            lines.add(c.t().decoded());
            c.next();
          }
          fields.put("request", String.join("\r\n", lines));
        }
        case "timeout", "interval" -> fields.put(field.text(), duration());
        case "window" -> {
          window = c.t();
          windowValue = unsigned();
          fields.put("window", Long.toString(windowValue));
        }
        case "initial" -> fields.put("initial", Long.toString(unsigned()));
        case "expected_response" -> {
          long status = unsigned();
          if (status < 100 || status > 999) {
            throw c.error(VclRules.BACKEND, "Must specify .expected_response with exactly three digits"
                + " (100 <= x <= 999)", c.t());
          }
          fields.put("expected_response", Long.toString(status));
        }
        case "threshold" -> {
          threshold = c.t();
          thresholdValue = unsigned();
          fields.put("threshold", Long.toString(thresholdValue));
        }
        default -> throw new IllegalStateException(field.text());
      }
      c.skip(";");
    }
    if (threshold != null || window != null) {
      if (threshold == null) {
        throw c.error(VclRules.BACKEND, "Must specify .threshold with .window", window);
      } else if (window == null) {
        if (thresholdValue > 64) {
          throw c.error(VclRules.BACKEND, "Threshold must be 64 or less.", threshold);
        }
        windowValue = thresholdValue + 1;
      } else if (windowValue > 64) {
        throw c.error(VclRules.BACKEND, "Window must be 64 or less.", window);
      }
      if (thresholdValue > windowValue) {
        throw c.error(VclRules.BACKEND, "Threshold can not be greater than window.", threshold);
      }
    }
    c.skip("}");
    return fields;
  }

  private Token redefine(Token previous, Token field) {
    if (previous != null) {
      throw c.error(VclRules.BACKEND, "Probe request redefinition at:", field,
          "previous definition at line " + previous.line());
    }
    return field;
  }

  // --- import NAME [as NAME] [from "path"]; ---

  void importVmod() {
    Token first = c.t();
    c.next();
    c.expect(TokenType.ID);
    Token mod = c.t();
    if (c.peek().isId("as")) {
      c.next();
      c.next();
      c.expect(TokenType.ID);
    }
    Token alias = c.t();
    Symbol msym = c.lookup(Symbol.Kind.VMOD, Lookup.Mode.CREATE, Lookup.Xref.NONE);
    if (c.t().type() == TokenType.ID) {
      if (!c.t().isId("from")) {
        throw c.error(VclRules.SYNTAX, "Expected 'from path ...'", c.t());
      }
      c.next();
      if (c.t().decoded() != null && c.t().decoded().indexOf('/') >= 0) {
        throw c.error(VclRules.VMOD, "'import ... from path ...' is unsafe.\nAt:" + c.t().quoted(), c.t());
      }
      c.expect(TokenType.CSTR);
      c.next();
    }
    c.skip(";");
    Vmod vmod = VmodCatalogue.vmod(mod.text()).orElse(null);
    if (vmod == null) {
      throw c.error(VclRules.VMOD, "Could not find VMOD " + mod.text(), mod,
          "Varnish 7.1 ships std, directors, blob, cookie, proxy, purge and unix; others must be installed"
              + " separately, and opsbook cannot check them");
    }
    if (msym.vmod != null) {
      if (!msym.vmod.name().equals(vmod.name())) {
        throw c.error(VclRules.VMOD, "Another module already imported as " + alias.text() + ".", first);
      }
      return;
    }
    msym.vmod = vmod;
    msym.defToken = first;
    c.imports.add(vmod.name());
    String prefix = msym.fullName();
    for (Map.Entry<String, Signature> f : vmod.functions().entrySet()) {
      Symbol s = c.symbols.make(prefix + "." + f.getKey(), Symbol.Kind.FUNC, 40, 41);
      function(s, f.getValue(), Symbol.Action.FUNCTION_CALL);
    }
    for (Map.Entry<String, String> a : vmod.aliases().entrySet()) {
      Symbol s = c.symbols.make(prefix + "." + a.getKey(), Symbol.Kind.ALIAS, 40, 41);
      s.aliasOf = prefix + "." + a.getValue();
    }
    for (Map.Entry<String, Vmod.ObjectClass> o : vmod.objects().entrySet()) {
      Vmod.ObjectClass cls = o.getValue();
      String clsName = prefix + "." + o.getKey();
      Symbol s = c.symbols.make(clsName, Symbol.Kind.OBJECT, 40, 41);
      s.objectClass = cls;
      s.type = VclType.object(vmod.name() + "." + o.getKey());
      s.readable = java.util.EnumSet.of(SubMethod.INIT);
      for (Map.Entry<String, Signature> m : cls.methods().entrySet()) {
        Symbol ms = c.symbols.make(s.type.name() + "." + m.getKey(), Symbol.Kind.METHOD, 40, 41);
        function(ms, m.getValue(), Symbol.Action.NONE);
      }
      for (Map.Entry<String, String> a : cls.aliases().entrySet()) {
        Symbol as = c.symbols.make(s.type.name() + "." + a.getKey(), Symbol.Kind.ALIAS, 40, 41);
        as.aliasOf = s.type.name() + "." + a.getValue();
      }
    }
  }

  private static void function(Symbol s, Signature sig, Symbol.Action action) {
    s.signature = sig;
    s.type = sig.returns();
    s.eval = Symbol.Eval.FUNC;
    s.action = action;
    s.readable = Expressions.ANYWHERE;
  }
}
