package org.opsbook.checker.vcl.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.check.Findings;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.checker.vcl.model.SubDef;
import org.opsbook.checker.vcl.model.VclProgram;
import org.opsbook.checker.vcl.rules.VclRules;

/**
 * Reads a VCL snippet as {@code varnishd -C} compiles it: the snippet, the files it includes, and
 * the built-in VCL Varnish appends. A snippet with no {@code vcl} line that declares no backend
 * (a pasted subroutine) is read as if preceded by {@code vcl 4.1;} and {@code backend default
 * none;}; a snippet marked {@code fragment} additionally imports std and directors. Like VCC it
 * stops at the first error of the compilation proper, and then reports every later check's error
 * and every VCL 3 construct. Thread-safe: each call has its own state.
 */
public final class VclParser {
  private static final String BUILTIN_TEXT = resource("/org/opsbook/checker/vcl/catalogue/builtin.vcl");
  private static final Set<String> BUILTIN_SUBS = builtinSubs();

  /** Stevedores that {@code varnishd -C} knows without {@code -s}. */
  public static final List<String> DEFAULT_STEVEDORES = List.of("s0", "Transient");

  private VclParser() {}

  /**
   * Parses and compiles the snippet, reporting VCC's errors and opsbook's notices to
   * {@code findings}.
   *
   * @return the program, or {@code null} when VCC would have stopped before the end
   */
  public static VclProgram parse(Snippet snippet, IncludedFiles files, List<String> stevedores, Findings findings) {
    Source main = new Source(Source.Kind.MAIN, snippet.attribute("file").orElse("<snippet>"), snippet.text(), snippet);
    List<Token> mainTokens;
    try {
      mainTokens = VclLexer.lex(main);
    } catch (VccError e) {
      report(findings, e, null);
      return null;
    }
    boolean fragment = snippet.isFragment();
    boolean versioned = !mainTokens.isEmpty() && mainTokens.get(0).isId("vcl");
    boolean declaresBackend = declaresBackend(mainTokens);
    boolean wrapped = !versioned && (fragment || !declaresBackend);

    Includes includes = new Includes(files, snippet);
    List<Token> tokens = new ArrayList<>();
    try {
      if (wrapped) {
        StringBuilder w = new StringBuilder("vcl 4.1;\n");
        if (fragment) {
          w.append("import std;\nimport directors;\n");
        }
        if (!declaresBackend) {
          w.append("backend default none;\n");
        }
        List<Token> wt = VclLexer.lex(new Source(Source.Kind.WRAPPER, "<wrapper>", w.toString(), null));
        tokens.addAll(wt.subList(0, wt.size() - 1));
      }
      includes.expand(main, mainTokens, tokens, new ArrayList<>());
      tokens.addAll(VclLexer.lex(new Source(Source.Kind.BUILTIN, "<builtin>", BUILTIN_TEXT, null)));
    } catch (VccError e) {
      report(findings, e, null);
      return null;
    }
    for (Token missing : includes.unread) {
      findings.report(VclRules.INCLUDE_NOT_CHECKED, missing.line(), missing.column(), "include " + missing.quoted()
          + " names a file opsbook cannot read here, so its definitions are unknown",
          "show the file in the article with a file= attribute holding its absolute path");
    }
    boolean complete = !fragment && includes.unread.isEmpty();

    Compilation c = new Compilation(tokens);
    Vocabulary.populate(c, stevedores);
    RegexCheck regexes = new RegexCheck();
    Expressions x = new Expressions(c, regexes);
    Statements st = new Statements(c, x);
    Declarations decl = new Declarations(c, st, BUILTIN_SUBS);
    Acls acls = new Acls(c);
    try {
      topLevel(c, decl, acls);
    } catch (VccError e) {
      report(findings, e, c);
      int from = Math.max(c.at, indexOf(c.tokens, e.at()) + 1);
      for (Vcl3.Found f : Vcl3.scan(tokens)) {
        if (f.start() >= from) {
          Token t = tokens.get(f.start());
          reportAt(findings, VclRules.VCL3, t, f.advice(), null);
        }
      }
      return null;
    }
    for (VccError e : CrossChecks.run(c, complete)) {
      report(findings, e, c);
    }
    if (complete && !wrapped && c.firstBackend == null && !c.defaultBackendDeclared) {
      findings.reportSnippet(VclRules.NO_BACKEND,
          "No backends or directors found in VCL program, at least one is necessary.",
          "declare a backend, or `backend default none;`");
    }
    for (Compilation.Notice n : c.notices) {
      reportAt(findings, n.rule(), n.at(), n.message(), n.hint());
    }
    return program(c, wrapped, complete);
  }

  private static void topLevel(Compilation c, Declarations decl, Acls acls) {
    if (!c.t().isId("vcl")) {
      throw c.error(VclRules.VERSION, "VCL version declaration missing\nUpdate your VCL to Version 4 syntax, and"
          + " add\n\tvcl 4.1;\non the first line of the VCL files.", c.t(),
          "add `vcl 4.1;` as the first line; a file without it is usually VCL 3, see the other findings");
    }
    version(c);
    while (c.t().type() != TokenType.EOI) {
      Token t = c.t();
      if (t.type() == TokenType.CSRC) {
        throw c.error(VclRules.INLINE_C, "Inline-C not allowed", t);
      }
      if (t.type() == TokenType.ID) {
        switch (t.text()) {
          case "acl" -> {
            acls.acl();
            continue;
          }
          case "sub" -> {
            decl.sub();
            continue;
          }
          case "backend" -> {
            decl.backend();
            continue;
          }
          case "probe" -> {
            decl.probe();
            continue;
          }
          case "import" -> {
            decl.importVmod();
            continue;
          }
          case "vcl" -> {
            version(c);
            continue;
          }
          default -> {
            // falls through to the error below
          }
        }
      }
      throw c.error(VclRules.SYNTAX, "Expected one of\n\t'acl', 'sub', 'backend', 'probe', 'import' or 'vcl'\n"
          + "Found: " + t.quoted() + " at", t);
    }
  }

  /** {@code vcl N.N;} (vcc_ParseVcl). */
  private static void version(Compilation c) {
    Token first = c.t();
    c.next();
    c.expect(TokenType.FNUM);
    Token v = c.t();
    if (v.text().length() != 3 || v.text().charAt(1) != '.') {
      throw c.error(VclRules.VERSION, "Don't play silly buggers with VCL version numbers", v);
    }
    int syntax = (v.text().charAt(0) - '0') * 10 + (v.text().charAt(2) - '0');
    c.next();
    if (syntax < 40 || syntax > 41) {
      throw c.error(VclRules.VERSION, "VCL version " + Compilation.version(syntax) + " not supported.", first,
          syntax < 40 ? "this is VCL 3 or older; Varnish 7.1 reads vcl 4.0 and 4.1" : "Varnish 7.1 reads vcl 4.0 and 4.1");
    }
    if (!c.t().is(";")) {
      throw c.error(VclRules.VERSION, "Expected 'vcl N.N;' found no semi-colon", first);
    }
    c.next();
    if (c.syntax == 0) {
      c.syntax = syntax;
    }
    if (syntax > c.syntax) {
      throw c.error(VclRules.VERSION, "VCL version " + Compilation.version(syntax) + " higher than the top level"
          + " version " + Compilation.version(c.syntax), first);
    }
  }

  /**
   * Whether {@link #parse} reads this text behind the lines it adds for a pasted excerpt: the text
   * lexes, has no {@code vcl} line first, and is a fragment or declares no backend.
   */
  public static boolean readsBehindWrapper(String text, boolean fragment) {
    List<Token> tokens;
    try {
      tokens = VclLexer.lex(new Source(Source.Kind.MAIN, "<snippet>", text, null));
    } catch (VccError e) {
      return false;
    }
    boolean versioned = !tokens.isEmpty() && tokens.get(0).isId("vcl");
    return !versioned && (fragment || !declaresBackend(tokens));
  }

  private static boolean declaresBackend(List<Token> tokens) {
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("{")) {
        depth++;
      } else if (t.is("}")) {
        depth--;
      } else if (depth == 0 && t.isId("backend") && i + 1 < tokens.size() && tokens.get(i + 1).type() == TokenType.ID) {
        return true;
      }
    }
    return false;
  }

  private static VclProgram program(Compilation c, boolean wrapped, boolean complete) {
    Map<String, SubDef> subs = new LinkedHashMap<>();
    for (Proc p : c.procs) {
      if (p.bodies.isEmpty()) {
        continue;
      }
      String name = p.symbol.fullName();
      subs.put(name.toLowerCase(Locale.ROOT), new SubDef(p.name.text(), p.method, Compilation.pos(p.name), p.bodies));
    }
    String defaultBackend = c.defaultBackendDeclared ? "default" : c.firstBackend;
    return new VclProgram(c.syntax, c.backends, defaultBackend, c.probes, c.acls, subs, c.instances, c.imports,
        wrapped, complete);
  }

  /** Reports an error where it is; one found in the built-in VCL means the author's text ended early. */
  private static void report(Findings findings, VccError e, Compilation c) {
    Token at = e.at();
    RuleInfo rule = e.rule();
    String hint = e.hint();
    if (c != null && at.source().isAuthors() && rule != VclRules.VCL3) {
      int index = indexOf(c.tokens, at);
      Optional<Vcl3.Found> old = index < 0 ? Optional.empty() : Vcl3.at(c.tokens, index);
      if (old.isPresent()) {
        rule = VclRules.VCL3;
        hint = old.get().advice();
      }
    }
    if (!at.source().isAuthors()) {
      Token open = c == null ? null : unclosedBrace(c.tokens);
      if (at.source().kind() == Source.Kind.BUILTIN && open != null) {
        reportAt(findings, VclRules.SYNTAX, open, "This '{' is never closed: VCC read on into the built-in VCL"
            + " that Varnish appends and stopped there (\"" + e.getMessage() + "\")", "add the missing '}'");
        return;
      }
      String where = at.source().kind() == Source.Kind.BUILTIN
          ? " (VCC reports this inside the built-in VCL that Varnish appends)"
          : " (in the lines opsbook adds around a pasted excerpt)";
      findings.reportSnippet(rule, e.getMessage() + where, hint);
      return;
    }
    reportAt(findings, rule, at, e.getMessage(), hint);
  }

  private static int indexOf(List<Token> tokens, Token t) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i) == t) {
        return i;
      }
    }
    return -1;
  }

  /** The last '{' of the author's text that no '}' closes, if any. */
  private static Token unclosedBrace(List<Token> tokens) {
    List<Token> open = new ArrayList<>();
    for (Token t : tokens) {
      if (!t.source().isAuthors()) {
        continue;
      }
      if (t.is("{")) {
        open.add(t);
      } else if (t.is("}") && !open.isEmpty()) {
        open.remove(open.size() - 1);
      }
    }
    return open.isEmpty() ? null : open.get(open.size() - 1);
  }

  private static void reportAt(Findings findings, RuleInfo rule, Token at, String message, String hint) {
    Source s = at.source();
    if (s.kind() == Source.Kind.MAIN) {
      findings.report(rule, at.line(), at.column(), message, hint);
    } else if (s.kind() == Source.Kind.INCLUDE) {
      findings.reportAt(rule, s.snippet().at(at.line(), at.column()), message, hint);
    } else {
      findings.reportSnippet(rule, message, hint);
    }
  }

  private static String resource(String path) {
    try (InputStream in = VclParser.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> builtinSubs() {
    Set<String> names = new TreeSet<>();
    List<Token> t = VclLexer.lex(new Source(Source.Kind.BUILTIN, "<builtin>", BUILTIN_TEXT, null));
    for (int i = 0; i + 1 < t.size(); i++) {
      if (t.get(i).isId("sub") && t.get(i + 1).type() == TokenType.ID) {
        names.add(t.get(i + 1).text().toLowerCase(Locale.ROOT));
      }
    }
    return Set.copyOf(names);
  }

  /** The text of the built-in VCL opsbook runs, for the request model's documentation and tests. */
  public static String builtinText() {
    return BUILTIN_TEXT;
  }

  /** Includes as vcc_source.c expands them: after lexing each file, before parsing. */
  private static final class Includes {
    private final IncludedFiles files;
    private final Snippet main;
    final List<Token> unread = new ArrayList<>();

    Includes(IncludedFiles files, Snippet main) {
      this.files = files;
      this.main = main;
    }

    void expand(Source source, List<Token> lexed, List<Token> into, List<String> stack) {
      if (stack.contains(source.name())) {
        throw new VccError(VclRules.INCLUDE, "Recursive use of file \"" + source.name() + "\"", lexed.get(0));
      }
      stack.add(source.name());
      for (int i = 0; i < lexed.size(); i++) {
        Token t = lexed.get(i);
        if (t.type() == TokenType.EOI) {
          break;
        }
        if (!t.isId("include")) {
          into.add(t);
          continue;
        }
        int k = i + 1;
        boolean glob = false;
        while (lexed.get(k).is("+") || lexed.get(k).is("-")) {
          Token flag = lexed.get(k + 1);
          if (flag.start() != lexed.get(k).end()) {
            throw new VccError(VclRules.INCLUDE, "Expected a flag at:", lexed.get(k));
          }
          if (!flag.isId("glob")) {
            throw new VccError(VclRules.INCLUDE, "Unknown include flag:", flag);
          }
          glob = lexed.get(k).is("+");
          k += 2;
        }
        Token name = lexed.get(k);
        if (name.type() != TokenType.CSTR) {
          throw new VccError(VclRules.INCLUDE, "include not followed by string constant.", name);
        }
        if (!lexed.get(k + 1).is(";")) {
          throw new VccError(VclRules.INCLUDE, "include <string> not followed by semicolon.", name);
        }
        String file = name.decoded();
        List<String> candidates = new ArrayList<>();
        if (file.startsWith("./")) {
          if (!source.name().startsWith("/")) {
            throw new VccError(VclRules.INCLUDE, "include \"./xxxxx\"; needs absolute filename of including file.",
                name);
          }
          candidates.add(source.name().substring(0, source.name().lastIndexOf('/')) + file.substring(1));
        } else if (file.startsWith("/")) {
          candidates.add(file);
        } else {
          candidates.add("/etc/varnish/" + file);
          candidates.add("/usr/share/varnish/vcl/" + file);
        }
        List<Snippet> found = List.of();
        for (String cand : candidates) {
          // Without +glob a pattern character names itself; files.matching treats it as glob(7).
          found = glob || !IncludedFiles.isPattern(cand) ? files.matching(cand) : List.of();
          if (!found.isEmpty()) {
            break;
          }
        }
        if (found.isEmpty()) {
          unread.add(name);
        }
        for (Snippet s : found) {
          if (s == main) {
            throw new VccError(VclRules.INCLUDE, "Recursive use of file \"" + s.attribute("file").orElse("") + "\"",
                name);
          }
          Source inc = new Source(Source.Kind.INCLUDE, s.attribute("file").orElse(file), s.text(), s);
          expand(inc, VclLexer.lex(inc), into, stack);
        }
        i = k + 1;
      }
      stack.remove(stack.size() - 1);
    }
  }
}
