package org.opsbook.checker.apache.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.opsbook.checker.apache.expr.ExprEvaluator;
import org.opsbook.checker.apache.model.RewriteCond;
import org.opsbook.checker.apache.model.RewriteFlags;
import org.opsbook.checker.apache.model.RewriteRule;
import org.opsbook.checker.apache.model.Scope;

/**
 * mod_rewrite's engine (mod_rewrite.c, apply_rewrite_list, apply_rewrite_rule,
 * apply_rewrite_cond, do_expand): rules in order, conditions with {@code [OR]}, back-references
 * {@code $N} and {@code %N}, {@code %{VAR}}, the flags that end or redirect the request.
 * Not thread-safe; one per rule list run.
 */
final class RewriteEngine {
  /** What a rule list did. */
  enum Action {
    /** No rule changed anything. */
    NONE,
    /** A rule set a status ([F], [G], [R=4xx/5xx]). */
    STATUS,
    /** A rule rewrote the file name or URL (see {@link Outcome#target}). */
    CHANGED
  }

  /** The result of a rule list. */
  record Outcome(Action action, int status, String target, boolean noEscape, boolean passThrough, String lastOutput) {}

  private final RequestState state;
  private final Variables vars;
  private final List<Scope.Entry> maps;
  private final List<String> trace;
  /** The per-directory prefix, or null in server context. */
  private final String perdir;
  private List<String> ruleGroups = List.of();
  private List<String> condGroups = List.of();
  private String lastOutput;

  RewriteEngine(RequestState state, Variables vars, List<Scope.Entry> maps, String perdir, List<String> trace) {
    this.state = state;
    this.vars = vars;
    this.maps = maps;
    this.perdir = perdir;
    this.trace = trace;
  }

  Outcome run(List<Scope.Entry> rules) {
    boolean changed = false;
    boolean noEscape = false;
    int round = 1;
    boolean restart = true;
    while (restart) {
      restart = false;
      for (int i = 0; i < rules.size(); i++) {
        Scope.Entry entry = rules.get(i);
        RewriteRule p = (RewriteRule) entry.value();
        RewriteFlags f = p.flags();
        int line = entry.directive().line().lastLine();
        Integer rc = apply(p, line);
        if (rc == null) {
          while (i < rules.size() && ((RewriteRule) rules.get(i).value()).flags().chain()) {
            i++;
          }
          continue;
        }
        if (!f.noSubstitution()) {
          lastOutput = p.substitution();
        }
        if (rc < 0) {
          return new Outcome(Action.STATUS, -rc, "", false, false, lastOutput);
        }
        if (f.statusOnly()) {
          trace.add("RewriteRule on line " + line + " ends the request with status " + f.status());
          return new Outcome(Action.STATUS, f.status(), "", false, false, lastOutput);
        }
        if (rc == 1) {
          changed = true;
          noEscape = f.noEscape();
        }
        if (f.passThrough()) {
          return new Outcome(Action.CHANGED, 0, state.filename, noEscape, true, lastOutput);
        }
        if (f.end()) {
          state.endRewriting = true;
          break;
        }
        if (f.proxy() || f.last()) {
          break;
        }
        if (f.next()) {
          if (++round >= f.maxRounds()) {
            trace.add("RewriteRule on line " + line + " exceeded " + f.maxRounds() + " rounds of [N]");
            return new Outcome(Action.STATUS, 500, "", false, false, lastOutput);
          }
          restart = true;
          break;
        }
        i += Math.max(0, f.skip());
      }
    }
    return new Outcome(changed ? Action.CHANGED : Action.NONE, 0, state.filename, noEscape, false, lastOutput);
  }

  /**
   * One rule: null when it does not apply, a negative status when it ends the request with an
   * error, 0 for a match without substitution, 1 for a rewrite.
   */
  private Integer apply(RewriteRule p, int line) {
    RewriteFlags f = p.flags();
    if (p.regex() == null) {
      throw new CannotEvaluate("RewriteRule on line " + line + " uses a pattern opsbook does not run");
    }
    String uri = state.filename;
    if (perdir != null && uri.startsWith(perdir)) {
      uri = uri.substring(perdir.length());
    }
    Matcher m = p.regex().matcher(uri);
    boolean matched = m.find();
    if (matched == p.negated()) {
      return null;
    }
    ruleGroups = p.negated() ? List.of() : groups(m);
    condGroups = List.of();
    List<RewriteCond> conds = p.conditions();
    for (int i = 0; i < conds.size(); i++) {
      RewriteCond c = conds.get(i);
      boolean rc = condition(c);
      if (c.orNext()) {
        if (rc) {
          while (i < conds.size() && conds.get(i).orNext()) {
            i++;
          }
        }
        continue;
      }
      if (!rc) {
        return null;
      }
    }
    if (f.other()) {
      throw new CannotEvaluate("RewriteRule on line " + line + " uses flags opsbook does not model ("
          + p.flagsText() + ")");
    }
    String newUri = null;
    if (!f.noSubstitution()) {
      newUri = expand(p.substitution(), f.escapeBackrefs(), line);
    }
    for (String e : f.env()) {
      String v = expand(e, false, line);
      int colon = v.indexOf(':');
      String name = colon < 0 ? v : v.substring(0, colon);
      if (name.startsWith("!")) {
        state.env.remove(name.substring(1));
      } else {
        state.env.put(name, colon < 0 ? "" : v.substring(colon + 1));
      }
    }
    for (String co : f.cookies()) {
      state.cookies.add(cookie(expand(co, false, line), line));
    }
    if (f.noSubstitution()) {
      if (f.type() != null) {
        state.forcedType = expand(f.type(), false, line).toLowerCase(Locale.ROOT);
      }
      trace.add("RewriteRule on line " + line + " matches " + uri + " (no substitution)");
      return 0;
    }
    if (!Urls.isAbsoluteUri(newUri) && !newUri.startsWith("/")) {
      if (perdir != null) {
        newUri = perdir + newUri;
      } else if (!f.proxy() && !f.redirect()) {
        newUri = "/" + newUri;
      }
    }
    trace.add("RewriteRule on line " + line + " rewrites " + uri + " to " + newUri);
    state.filename = newUri;
    splitQuery(f);
    if (f.proxy()) {
      state.filename = "proxy:" + qualify(state.filename);
      return 1;
    }
    if (f.redirect()) {
      state.filename = qualify(state.filename);
      state.rewriteStatus = f.status();
      return 1;
    }
    state.filename = reduce(state.filename);
    if (Urls.isAbsoluteUri(state.filename)) {
      state.rewriteStatus = f.status();
      return 1;
    }
    if (!p.substitution().startsWith("//")) {
      while (state.filename.startsWith("//")) {
        state.filename = state.filename.substring(1);
      }
    }
    if (f.type() != null) {
      state.forcedType = expand(f.type(), false, line).toLowerCase(Locale.ROOT);
    }
    return 1;
  }

  private static List<String> groups(Matcher m) {
    List<String> g = new ArrayList<>();
    for (int i = 0; i <= Math.min(9, m.groupCount()); i++) {
      g.add(m.group(i));
    }
    return g;
  }

  /** apply_rewrite_cond. */
  private boolean condition(RewriteCond c) {
    boolean rc;
    if (c.type() == RewriteCond.Type.EXPR) {
      ExprEvaluator ev = new ExprEvaluator(vars.exprContext());
      try {
        rc = ev.test(c.expr());
      } catch (ExprEvaluator.Unknown e) {
        throw new CannotEvaluate("RewriteCond expr: " + e.getMessage());
      }
      if (rc && !c.negated()) {
        condGroups = ev.groups();
      }
      trace.add("RewriteCond expr \"" + c.pattern() + "\" is " + (rc != c.negated()));
      return rc != c.negated();
    }
    String input = expand(c.input(), false, 0);
    Facts facts = state.request.facts();
    switch (c.type()) {
      case FILE_EXISTS, FILE_SIZE -> rc = facts.isFile(input);
      case FILE_DIR -> rc = facts.isDirectory(input);
      case FILE_XBIT, FILE_LINK -> throw new CannotEvaluate("RewriteCond " + c.input() + " -" + c.pattern()
          + " tests permissions or links, which the facts do not state");
      case LOOKUP_URL, LOOKUP_FILE -> throw new CannotEvaluate("RewriteCond -U and -F run subrequests, which opsbook does not model");
      case STR_EQ -> rc = c.noCase() ? input.equalsIgnoreCase(c.pattern()) : input.equals(c.pattern());
      case STR_LT, STR_LE, STR_GT, STR_GE -> {
        int cmp = c.noCase() ? input.compareToIgnoreCase(c.pattern()) : lexicographic(input, c.pattern());
        rc = switch (c.type()) {
          case STR_LT -> cmp < 0;
          case STR_LE -> cmp <= 0;
          case STR_GT -> cmp > 0;
          default -> cmp >= 0;
        };
      }
      case INT_LT, INT_LE, INT_EQ, INT_GT, INT_GE -> {
        long a = atoi(input);
        long b = atoi(c.pattern());
        rc = switch (c.type()) {
          case INT_LT -> a < b;
          case INT_LE -> a <= b;
          case INT_EQ -> a == b;
          case INT_GT -> a > b;
          default -> a >= b;
        };
      }
      default -> {
        if (c.regex() == null) {
          throw new CannotEvaluate("RewriteCond pattern " + c.pattern() + " uses PCRE features opsbook does not run");
        }
        Matcher m = c.regex().matcher(input);
        rc = m.find();
        if (rc && !c.negated()) {
          condGroups = groups(m);
        }
      }
    }
    boolean result = rc != c.negated();
    trace.add("RewriteCond " + c.input() + " " + (c.negated() ? "!" : "") + c.pattern() + ": '" + input + "' "
        + (result ? "matches" : "does not match"));
    return result;
  }

  /** mod_rewrite's compare_lexicography: a longer string is greater. */
  private static int lexicographic(String a, String b) {
    if (a.length() != b.length()) {
      return a.length() > b.length() ? 1 : -1;
    }
    return Integer.signum(a.compareTo(b));
  }

  private static long atoi(String s) {
    String t = s.strip();
    int i = 0;
    boolean neg = false;
    if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
      neg = t.charAt(i) == '-';
      i++;
    }
    long n = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i)) && n < 1_000_000_000_000L) {
      n = n * 10 + (t.charAt(i++) - '0');
    }
    return neg ? -n : n;
  }

  /** do_expand: backslash escapes, $N, %N, %{VAR}, ${map:key|default}. */
  String expand(String in, boolean escapeBackrefs, int line) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < in.length()) {
      char c = in.charAt(i);
      if (c == '\\' && i + 1 < in.length()) {
        out.append(in.charAt(i + 1));
        i += 2;
      } else if (c == '%' && i + 1 < in.length() && in.charAt(i + 1) == '{') {
        int close = in.indexOf('}', i + 2);
        if (close < 0) {
          out.append(c);
          i++;
          continue;
        }
        out.append(vars.rewrite(in.substring(i + 2, close)));
        i = close + 1;
      } else if (c == '$' && i + 1 < in.length() && in.charAt(i + 1) == '{') {
        int close = in.indexOf('}', i + 2);
        if (close < 0) {
          out.append(c);
          i++;
          continue;
        }
        out.append(map(expand(in.substring(i + 2, close), false, line), line));
        i = close + 1;
      } else if ((c == '$' || c == '%') && i + 1 < in.length() && Character.isDigit(in.charAt(i + 1))) {
        int n = in.charAt(i + 1) - '0';
        List<String> g = c == '$' ? ruleGroups : condGroups;
        String v = n < g.size() && g.get(n) != null ? g.get(n) : "";
        out.append(c == '$' && escapeBackrefs ? escapeBackref(v) : v);
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** escape_backref for [B]: letters and digits stay, space becomes +, the rest %XX. */
  private static String escapeBackref(String v) {
    StringBuilder out = new StringBuilder();
    for (byte b : v.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char ch = (char) (b & 0xff);
      if (ch < 128 && Character.isLetterOrDigit(ch)) {
        out.append(ch);
      } else if (ch == ' ') {
        out.append('+');
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private String map(String spec, int line) {
    int colon = spec.indexOf(':');
    if (colon < 0) {
      return "${" + spec + "}";
    }
    String name = spec.substring(0, colon);
    String rest = spec.substring(colon + 1);
    int bar = rest.indexOf('|');
    String key = bar < 0 ? rest : rest.substring(0, bar);
    for (Scope.Entry e : maps) {
      if (e.directive().word(0).equals(name)) {
        String source = e.directive().word(1);
        switch (source.toLowerCase(Locale.ROOT)) {
          case "int:tolower" -> {
            return key.toLowerCase(Locale.ROOT);
          }
          case "int:toupper" -> {
            return key.toUpperCase(Locale.ROOT);
          }
          case "int:escape" -> {
            return Urls.escapePath(key);
          }
          case "int:unescape" -> {
            String u = Urls.unescape(key);
            return u == null ? key : u;
          }
          default -> throw new CannotEvaluate("RewriteMap " + name + " (" + source + ") reads data opsbook cannot see");
        }
      }
    }
    return bar < 0 ? "" : rest.substring(bar + 1);
  }

  /** splitout_queryargs. */
  private void splitQuery(RewriteFlags f) {
    if (f.qsNone()) {
      state.args = null;
      return;
    }
    String fn = state.filename;
    int skip = Urls.absoluteUriPrefix(fn);
    if (skip > 0 && !Urls.queryMakesSense(fn)) {
      state.args = null;
      return;
    }
    if (f.qsDiscard()) {
      state.args = null;
    }
    int q = f.qsLast() ? fn.lastIndexOf('?') : fn.indexOf('?', skip);
    if (q >= skip && q >= 0) {
      String query = fn.substring(q + 1);
      state.filename = fn.substring(0, q);
      if (f.qsAppend()) {
        if (!query.isEmpty()) {
          state.args = state.args == null ? query : query + "&" + state.args;
        }
      } else {
        state.args = query;
      }
      if (state.args != null) {
        if (state.args.isEmpty()) {
          state.args = null;
        } else if (state.args.endsWith("&")) {
          state.args = state.args.substring(0, state.args.length() - 1);
        }
      }
    }
  }

  /** fully_qualify_uri: http[s]://host[:port] in front of a path. */
  private String qualify(String fn) {
    if (Urls.isAbsoluteUri(fn)) {
      return fn;
    }
    Request r = state.request;
    boolean defaultPort = (r.isHttps() && r.port() == 443) || (!r.isHttps() && r.port() == 80);
    return r.scheme() + "://" + r.host() + (defaultPort ? "" : ":" + r.port()) + (fn.startsWith("/") ? "" : "/") + fn;
  }

  /** reduce_uri: a URL naming this very server becomes a local path. */
  private String reduce(String fn) {
    Request r = state.request;
    String prefix = r.scheme() + "://";
    if (fn.length() <= prefix.length() || !fn.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return fn;
    }
    String rest = fn.substring(prefix.length());
    int slash = rest.indexOf('/');
    String hostPort = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "/" : rest.substring(slash);
    int colon = hostPort.indexOf(':');
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    int port = colon < 0 ? (r.isHttps() ? 443 : 80) : (int) atoi(hostPort.substring(colon + 1));
    if (host.equalsIgnoreCase(r.host()) && port == r.port()) {
      trace.add("the URL names this server, so mod_rewrite reduces it to " + path);
      return path;
    }
    return fn;
  }

  /** A [CO=name:value:domain:lifetime:path:secure:httponly:samesite] flag as the Set-Cookie header it sends. */
  private static String cookie(String spec, int line) {
    char sep = spec.startsWith(";") ? ';' : ':';
    String s = sep == ';' ? spec.substring(1) : spec;
    String[] f = s.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
    if (f.length < 3) {
      throw new CannotEvaluate("the CO= flag on line " + line + " needs at least name, value and domain");
    }
    StringBuilder out = new StringBuilder(f[0]).append('=').append(f[1]).append("; path=")
        .append(f.length > 4 && !f[4].isEmpty() ? f[4] : "/");
    if (!f[2].isEmpty()) {
      out.append("; domain=").append(f[2]);
    }
    if (f.length > 3 && !f[3].isEmpty() && !f[3].equals("0")) {
      throw new CannotEvaluate("a cookie lifetime sets an expiry date from the clock");
    }
    if (f.length > 5 && (f[5].equalsIgnoreCase("true") || f[5].equalsIgnoreCase("secure") || f[5].equals("1"))) {
      out.append("; secure");
    }
    if (f.length > 6 && (f[6].equalsIgnoreCase("true") || f[6].equalsIgnoreCase("httponly") || f[6].equals("1"))) {
      out.append("; HttpOnly");
    }
    return out.toString();
  }

  String lastOutput() {
    return lastOutput;
  }
}
