package org.opsbook.checker.apache.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.apache.expr.ExprParser;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.Problem;
import org.opsbook.checker.apache.model.RewriteCond;
import org.opsbook.checker.apache.model.RewriteRule;
import org.opsbook.checker.apache.text.Pcre;

/** mod_rewrite's directives (mod_rewrite.c, cmd_rewrite*), with its messages. */
final class RewriteChecks {
  private static final String MAP_HINT = "RewriteMap name type:source, where type is txt, rnd, dbm, dbd, fastdbd, prg or int";

  private RewriteChecks() {}

  static void register(Map<String, DirectiveCheck> m) {
    m.put("rewriteengine", call -> call.value(call.directive.word(0).equalsIgnoreCase("on")));
    m.put("rewriteoptions", RewriteChecks::options);
    m.put("rewritebase", RewriteChecks::base);
    m.put("rewritemap", RewriteChecks::map);
    m.put("rewritecond", RewriteChecks::cond);
    m.put("rewriterule", RewriteChecks::rule);
  }

  private static void options(Call call) {
    List<String> set = new ArrayList<>();
    for (ConfWords.Word w : call.words()) {
      if (w.value().isEmpty()) {
        break;
      }
      String o = w.value().toLowerCase(Locale.ROOT);
      if (o.startsWith("maxredirects=")) {
        call.warn(call.at(w), "RewriteOptions: MaxRedirects option has been removed in favor of the global "
            + "LimitInternalRecursion directive and will be ignored.", null);
        continue;
      }
      if (!List.of("inherit", "inheritbefore", "inheritdown", "inheritdownbefore", "ignoreinherit", "allownoslash",
          "allowanyuri", "mergebase", "ignorecontextinfo", "legacyprefixdocroot", "unsafeprefixstat").contains(o)) {
        call.fail(Problem.Kind.REWRITE, call.at(w), "RewriteOptions: unknown option '" + w.value() + "'", null);
        return;
      }
      set.add(o);
    }
    call.value(List.copyOf(set));
  }

  private static void base(Call call) {
    String v = call.directive.word(0);
    if (call.state.path == null) {
      call.fail(Problem.Kind.REWRITE, "RewriteBase: only valid in per-directory config files",
          "RewriteBase belongs in <Directory> or .htaccess");
    } else if (v.isEmpty()) {
      call.fail(Problem.Kind.REWRITE, "RewriteBase: empty URL not allowed", null);
    } else if (!v.startsWith("/")) {
      call.fail(Problem.Kind.REWRITE, call.at(0), "RewriteBase: argument is not a valid URL", "start it with /");
    } else {
      call.value(v);
    }
  }

  private static void map(Call call) {
    List<ConfWords.Word> w = call.words();
    String source = w.get(1).value();
    String l = source.toLowerCase(Locale.ROOT);
    if (l.startsWith("int:")) {
      String name = source.substring(4);
      if (!List.of("tolower", "toupper", "escape", "unescape").contains(name)) {
        call.fail(Problem.Kind.REWRITE, call.at(w.get(1)), "RewriteMap: internal map not found:" + name,
            "internal maps are tolower, toupper, escape and unescape");
      }
    } else if ((l.startsWith("dbd:") || l.startsWith("fastdbd:")) && !call.modules().has("dbd")) {
      call.fail(Problem.Kind.REWRITE, call.at(w.get(1)), "RewriteMap types dbd and fastdbd require mod_dbd!", MAP_HINT);
    }
  }

  /** The arguments as mod_rewrite's parseargline splits them, with their offsets in the raw string. */
  record Args(String a1, String a2, String a3, int a1At, int a2At, int a3At) {}

  /** parseargline: up to three words, quotes ended by the same quote, backslash-space kept together. */
  static Args split(String str) {
    int i = ConfWords.skipSpace(str, 0);
    int[] a1 = word(str, i);
    if (a1[1] >= str.length()) {
      return null;
    }
    i = ConfWords.skipSpace(str, a1[1] + 1);
    int[] a2 = word(str, i);
    String s1 = str.substring(a1[0], a1[1]);
    String s2 = str.substring(a2[0], Math.min(a2[1], str.length()));
    if (a2[1] >= str.length()) {
      return new Args(s1, s2, null, a1[0], a2[0], -1);
    }
    i = ConfWords.skipSpace(str, a2[1] + 1);
    if (i >= str.length()) {
      return new Args(s1, s2, null, a1[0], a2[0], -1);
    }
    int[] a3 = word(str, i);
    return new Args(s1, s2, str.substring(a3[0], Math.min(a3[1], str.length())), a1[0], a2[0], a3[0]);
  }

  /** Start and end (the terminating quote or space, or the end) of one parseargline word. */
  private static int[] word(String s, int from) {
    int i = from;
    char quote = 0;
    if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
      quote = s.charAt(i);
      i++;
    }
    int start = i;
    while (i < s.length()) {
      char c = s.charAt(i);
      if ((ConfWords.isSpace(c) && quote == 0) || c == quote) {
        break;
      }
      if (c == '\\' && i + 1 < s.length() && ConfWords.isSpace(s.charAt(i + 1))) {
        i += 2;
        continue;
      }
      i++;
    }
    return new int[] {start, i};
  }

  private static void cond(Call call) {
    Args a = split(call.args());
    if (a == null) {
      call.fail(Problem.Kind.REWRITE, "RewriteCond: bad argument line '" + call.args() + "'",
          "RewriteCond needs a test string and a pattern: RewriteCond %{REQUEST_URI} ^/old/");
      return;
    }
    RewriteFlagParser.Cond flags = new RewriteFlagParser.Cond();
    if (a.a3() != null) {
      String err = RewriteFlagParser.cond(a.a3(), flags);
      if (err != null) {
        call.fail(Problem.Kind.REWRITE, call.at(a.a3At()), "RewriteCond: " + err, "RewriteCond flags are NC, OR and NV, in [ ]");
        return;
      }
    }
    String p = a.a2();
    boolean negated = p.startsWith("!");
    if (negated) {
      p = p.substring(1);
    }
    RewriteCond.Type type = RewriteCond.Type.REGEX;
    if (a.a1().equalsIgnoreCase("expr")) {
      type = RewriteCond.Type.EXPR;
    } else if (p.length() >= 2) {
      if (p.charAt(0) == '-') {
        if (p.length() == 2) {
          type = switch (p.charAt(1)) {
            case 'f' -> RewriteCond.Type.FILE_EXISTS;
            case 's' -> RewriteCond.Type.FILE_SIZE;
            case 'd' -> RewriteCond.Type.FILE_DIR;
            case 'x' -> RewriteCond.Type.FILE_XBIT;
            case 'h', 'L', 'l' -> RewriteCond.Type.FILE_LINK;
            case 'U' -> RewriteCond.Type.LOOKUP_URL;
            case 'F' -> RewriteCond.Type.LOOKUP_FILE;
            default -> RewriteCond.Type.REGEX;
          };
        } else if (p.length() > 3) {
          String op = p.substring(1, 3);
          RewriteCond.Type t = switch (op) {
            case "lt" -> RewriteCond.Type.INT_LT;
            case "le" -> RewriteCond.Type.INT_LE;
            case "gt" -> RewriteCond.Type.INT_GT;
            case "ge" -> RewriteCond.Type.INT_GE;
            case "eq" -> RewriteCond.Type.INT_EQ;
            case "ne" -> RewriteCond.Type.INT_EQ;
            default -> null;
          };
          if (t != null) {
            if (op.equals("ne")) {
              negated = !negated;
            }
            type = t;
            p = p.substring(3);
          }
        }
      } else {
        char c = p.charAt(0);
        if (c == '>' || c == '<') {
          boolean eq = p.charAt(1) == '=';
          type = c == '>' ? (eq ? RewriteCond.Type.STR_GE : RewriteCond.Type.STR_GT)
              : (eq ? RewriteCond.Type.STR_LE : RewriteCond.Type.STR_LT);
          p = p.substring(eq ? 2 : 1);
        } else if (c == '=') {
          type = RewriteCond.Type.STR_EQ;
          p = p.substring(1);
          if (p.equals("\"\"")) {
            p = "";
          }
        }
      }
    }
    boolean regexOrString = type == RewriteCond.Type.REGEX || type.name().startsWith("STR_");
    boolean noCase = flags.noCase;
    if (noCase && !regexOrString) {
      call.warn(call.at(a.a3At()), "RewriteCond: NoCase option for non-regex pattern '" + p
          + "' is not supported and will be ignored.", "drop [NC]: only regular expressions and string comparisons use it");
      noCase = false;
    }
    java.util.regex.Pattern regex = null;
    org.opsbook.checker.apache.expr.Expr expr = null;
    if (type == RewriteCond.Type.REGEX) {
      Pcre.Result r = Pcre.compile(p, noCase);
      if (!r.isValid()) {
        call.fail(Problem.Kind.REWRITE, call.at(a.a2At()), "RewriteCond: cannot compile regular expression '" + p + "'",
            "PCRE says: " + r.error());
        return;
      }
      regex = r.pattern();
    } else if (type == RewriteCond.Type.EXPR) {
      ExprParser.Result parsed = ExprParser.parse(p, Sections.exprOptions(call));
      if (!parsed.ok()) {
        call.fail(Problem.Kind.EXPRESSION, call.at(a.a2At()), "RewriteCond: cannot compile expression \"" + p + "\": "
            + parsed.error(), null);
        return;
      }
      expr = parsed.expr();
    }
    RewriteCond c = new RewriteCond(a.a1(), p, type, negated, noCase, flags.orNext, regex, expr);
    call.scope().pendingConditions.add(c);
    call.value(c);
  }

  private static void rule(Call call) {
    Args a = split(call.args());
    if (a == null) {
      call.fail(Problem.Kind.REWRITE, "RewriteRule: bad argument line '" + call.args() + "'",
          "RewriteRule needs a pattern and a substitution: RewriteRule ^/old$ /new [R=301,L]");
      return;
    }
    RewriteFlagParser.Rule flags = new RewriteFlagParser.Rule();
    if (a.a3() != null) {
      String err = RewriteFlagParser.rule(a.a3(), flags);
      if (err != null) {
        call.fail(Problem.Kind.REWRITE, call.at(a.a3At()), "RewriteRule: " + err,
            "flags are comma-separated in [ ], such as [R=301,L]; see the RewriteRule flags in the mod_rewrite manual");
        return;
      }
    }
    String pattern = a.a1();
    boolean negated = pattern.startsWith("!");
    if (negated) {
      pattern = pattern.substring(1);
    }
    Pcre.Result r = Pcre.compile(pattern, flags.noCase);
    if (!r.isValid()) {
      call.fail(Problem.Kind.REWRITE, call.at(a.a1At()), "RewriteRule: cannot compile regular expression '" + pattern + "'",
          "PCRE says: " + r.error());
      return;
    }
    String output = a.a2();
    if (output.equals("-")) {
      flags.noSub = true;
    }
    boolean qsNone = false;
    if (output.endsWith("?")) {
      if (flags.qsa) {
        flags.qsl = true;
      } else {
        qsNone = true;
        output = output.substring(0, output.length() - 1);
      }
    } else if (flags.qsd && output.indexOf('?') < 0) {
      qsNone = true;
    }
    ConfigWalker.ScopeBuilder scope = call.scope();
    List<RewriteCond> conds = List.copyOf(scope.pendingConditions);
    scope.pendingConditions.clear();
    call.value(new RewriteRule(pattern, negated, r.pattern(), output, flags.build(qsNone), conds,
        a.a3() == null ? "" : a.a3()));
  }
}
