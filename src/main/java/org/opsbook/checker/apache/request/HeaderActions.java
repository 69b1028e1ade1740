package org.opsbook.checker.apache.request;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.opsbook.checker.apache.expr.ExprEvaluator;
import org.opsbook.checker.apache.expr.ExprParser;
import org.opsbook.checker.apache.model.HeaderAction;
import org.opsbook.checker.apache.model.Scope;
import org.opsbook.checker.apache.text.Pcre;

/**
 * mod_headers' response actions for a request (mod_headers.c, do_headers_fixup): the {@code
 * Header} lines of the merged configuration, outer scopes first, each applied if its condition
 * holds. {@code Header always} edits the table httpd sends with every response; plain (or
 * {@code onsuccess}) {@code Header} edits the one it sends only with successful and proxied
 * responses.
 */
final class HeaderActions {
  private HeaderActions() {}

  /** The two header tables: onsuccess (headers_out) and always (err_headers_out). */
  static final class Tables {
    final List<Response.Header> onSuccess = new ArrayList<>();
    final List<Response.Header> always = new ArrayList<>();
  }

  static void apply(List<Scope> merged, RequestState state, Variables vars, Tables tables, List<String> trace) {
    for (Scope s : merged) {
      for (Scope.Entry e : s.all("Header")) {
        HeaderAction a = (HeaderAction) e.value();
        int line = e.directive().line().lastLine();
        if (a.early()) {
          throw new CannotEvaluate("Header ... early on line " + line + " is applied before the request is processed");
        }
        if (!condition(a, state, vars, line)) {
          continue;
        }
        List<Response.Header> table = a.always() ? tables.always : tables.onSuccess;
        apply(a, table, state, vars, line);
      }
    }
  }

  private static boolean condition(HeaderAction a, RequestState state, Variables vars, int line) {
    if (a.envVar() != null) {
      boolean negate = a.envVar().startsWith("!");
      String name = negate ? a.envVar().substring(1) : a.envVar();
      return state.env.containsKey(name) != negate;
    }
    if (a.condition() != null) {
      try {
        return new ExprEvaluator(vars.exprContext()).test(a.condition());
      } catch (ExprEvaluator.Unknown e) {
        throw new CannotEvaluate("the condition of Header on line " + line + ": " + e.getMessage());
      }
    }
    return true;
  }

  private static void apply(HeaderAction a, List<Response.Header> table, RequestState state, Variables vars, int line) {
    String name = a.header();
    switch (a.action()) {
      case "unset" -> table.removeIf(h -> h.name().equalsIgnoreCase(name));
      case "set" -> {
        String v = value(a, state, vars, line);
        table.removeIf(h -> h.name().equalsIgnoreCase(name));
        table.add(new Response.Header(name, v));
      }
      case "setifempty" -> {
        if (table.stream().noneMatch(h -> h.name().equalsIgnoreCase(name))) {
          table.add(new Response.Header(name, value(a, state, vars, line)));
        }
      }
      case "add" -> table.add(new Response.Header(name, value(a, state, vars, line)));
      case "append", "merge" -> {
        String v = value(a, state, vars, line);
        for (int i = 0; i < table.size(); i++) {
          Response.Header h = table.get(i);
          if (h.name().equalsIgnoreCase(name)) {
            if (a.action().equals("merge") && List.of(h.value().split(",\\s*")).contains(v)) {
              return;
            }
            table.set(i, new Response.Header(h.name(), h.value() + ", " + v));
            return;
          }
        }
        table.add(new Response.Header(name, v));
      }
      case "edit", "edit*" -> {
        java.util.regex.Pattern p = Pcre.compile(a.value(), false).pattern();
        if (p == null) {
          throw new CannotEvaluate("Header edit on line " + line + " uses a pattern opsbook does not run");
        }
        for (int i = 0; i < table.size(); i++) {
          Response.Header h = table.get(i);
          if (h.name().equalsIgnoreCase(name)) {
            Matcher m = p.matcher(h.value());
            String replaced = a.action().equals("edit") ? m.replaceFirst(javaReplacement(a.replacement()))
                : m.replaceAll(javaReplacement(a.replacement()));
            table.set(i, new Response.Header(h.name(), replaced));
          }
        }
      }
      default -> throw new CannotEvaluate("Header " + a.action() + " on line " + line + " is not modelled");
    }
  }

  /** mod_headers' $N references to Java's. */
  private static String javaReplacement(String s) {
    return s.replace("\\", "\\\\").replaceAll("\\$(?![0-9])", "\\\\\\$");
  }

  /** The value with its format tags resolved (%% and %{VAR}e), or the value expression's result. */
  private static String value(HeaderAction a, RequestState state, Variables vars, int line) {
    String v = a.value();
    if (a.valueIsExpression()) {
      ExprParser.StringResult parsed = ExprParser.parseString(v.substring(5), new ExprParser.Options(true, false, false));
      try {
        return new ExprEvaluator(vars.exprContext()).value(parsed.parts());
      } catch (ExprEvaluator.Unknown e) {
        throw new CannotEvaluate("the value of Header on line " + line + ": " + e.getMessage());
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < v.length()) {
      char c = v.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= v.length() || v.charAt(i + 1) == '%') {
        out.append('%');
        i += 2;
        continue;
      }
      String arg = "";
      int j = i + 1;
      if (v.charAt(j) == '{') {
        int close = v.indexOf('}', j);
        arg = v.substring(j + 1, close);
        j = close + 1;
      }
      char tag = v.charAt(j);
      if (tag == 'e') {
        String env = state.env.get(arg);
        out.append(env == null ? "(null)" : env);
      } else {
        throw new CannotEvaluate("the value of Header on line " + line + " uses %" + tag
            + ", which depends on the clock, the TLS session or the server's load");
      }
      i = j + 1;
    }
    return out.toString();
  }
}
