package org.opsbook.checker.apache.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.apache.expr.Expr;
import org.opsbook.checker.apache.expr.ExprParser;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.HeaderAction;
import org.opsbook.checker.apache.model.Problem;
import org.opsbook.checker.apache.text.Pcre;

/** mod_headers' Header and RequestHeader (mod_headers.c, header_cmd and header_inout_cmd). */
final class HeaderChecks {
  private static final List<String> ACTIONS = List.of("set", "setifempty", "add", "append", "merge", "unset", "echo",
      "edit", "edit*", "note");
  private static final String ACTION_ERROR = "first argument must be 'add', 'set', 'setifempty', 'append', 'merge', "
      + "'unset', 'echo', 'note', 'edit', or 'edit*'.";
  private static final String HINT = "Header [always|onsuccess] action name [value] [early|env=[!]VAR|\"expr=...\"]";
  /** The format tags mod_headers registers: %D %t %e %s %l %i %b. */
  private static final String TAGS = "Dtesilb";

  private HeaderChecks() {}

  static void register(Map<String, DirectiveCheck> m) {
    m.put("header", call -> check(call, false));
    m.put("requestheader", call -> check(call, true));
  }

  private static void check(Call call, boolean request) {
    String args = call.args();
    ConfWords.Word w = ConfWords.next(args, 0);
    String action = w.value();
    boolean always = false;
    if (!request) {
      if (action.equalsIgnoreCase("always") || action.equalsIgnoreCase("onsuccess")) {
        always = action.equalsIgnoreCase("always");
        w = ConfWords.next(args, w.end());
        action = w.value();
      }
    }
    ConfWords.Word actionWord = w;
    ConfWords.Word hdrWord = ConfWords.next(args, w.end());
    int at = ConfWords.skipSpace(args, hdrWord.end());
    ConfWords.Word valWord = at < args.length() ? ConfWords.next(args, at) : null;
    at = valWord == null ? args.length() : ConfWords.skipSpace(args, valWord.end());
    ConfWords.Word subsWord = at < args.length() ? ConfWords.next(args, at) : null;
    at = subsWord == null ? args.length() : ConfWords.skipSpace(args, subsWord.end());
    ConfWords.Word envWord = at < args.length() ? ConfWords.next(args, at) : null;
    at = envWord == null ? args.length() : ConfWords.skipSpace(args, envWord.end());
    if (at < args.length()) {
      call.fail(Problem.Kind.HEADER, call.name() + " has too many arguments", HINT);
      return;
    }
    String a = action.toLowerCase(Locale.ROOT);
    if (!ACTIONS.contains(a)) {
      call.fail(Problem.Kind.HEADER, call.at(actionWord), ACTION_ERROR, HINT);
      return;
    }
    String hdr = hdrWord.value();
    String value = valWord == null ? null : valWord.value();
    String subs = subsWord == null ? null : subsWord.value();
    String env = envWord == null ? null : envWord.value();
    ConfWords.Word envAt = envWord;
    if (a.startsWith("edit")) {
      if (subs == null) {
        call.fail(Problem.Kind.HEADER, "Header edit requires a match and a substitution", HINT);
        return;
      }
      if (!Pcre.compile(value, false).isValid()) {
        call.fail(Problem.Kind.HEADER, call.at(valWord), "Header edit regex could not be compiled", null);
        return;
      }
    } else {
      if (env != null) {
        call.fail(Problem.Kind.HEADER, "Too many arguments to directive", HINT);
        return;
      }
      env = subs;
      envAt = subsWord;
      subs = null;
    }
    if (a.equals("unset") || a.equals("echo")) {
      if (value != null) {
        if (env != null) {
          call.fail(Problem.Kind.HEADER, a.equals("unset") ? "header unset takes two arguments" : "Header echo takes two arguments",
              null);
          return;
        }
        env = value;
        envAt = valWord;
        value = null;
      }
      if (a.equals("echo")) {
        if (request) {
          call.fail(Problem.Kind.HEADER, "Header echo only valid on Header directives", null);
          return;
        }
        if (!Pcre.compile(hdr, false).isValid()) {
          call.fail(Problem.Kind.HEADER, call.at(hdrWord), "Header echo regex could not be compiled", null);
          return;
        }
      }
    } else if (value == null) {
      call.fail(Problem.Kind.HEADER, "Header requires three arguments", HINT);
      return;
    }
    boolean early = false;
    String envVar = null;
    Expr condition = null;
    if (env != null) {
      String l = env.toLowerCase(Locale.ROOT);
      if (l.equals("early")) {
        early = true;
      } else if (l.startsWith("env=")) {
        if (env.length() == 4 || env.equals(env.substring(0, 4) + "!")) {
          call.fail(Problem.Kind.HEADER, call.at(envAt), "error: missing environment variable name. envclause should be in "
              + "the form env=envar ", null);
          return;
        }
        envVar = env.substring(4);
      } else if (l.startsWith("expr=")) {
        ExprParser.Result parsed = ExprParser.parse(env.substring(5), Sections.exprOptions(call));
        if (!parsed.ok()) {
          call.fail(Problem.Kind.EXPRESSION, call.at(envAt), "Can't parse envclause/expression: " + parsed.error(), null);
          return;
        }
        condition = parsed.expr();
      } else {
        call.fail(Problem.Kind.HEADER, call.at(envAt), "Unknown parameter: " + env,
            env.startsWith("#") ? "httpd has no end-of-line comments: put the comment on its own line"
                : "the condition is early, env=VAR, env=!VAR or \"expr=...\"");
        return;
      }
    }
    int colon = hdr.indexOf(':');
    if (colon >= 0) {
      hdr = hdr.substring(0, colon);
    }
    String format = a.startsWith("edit") ? subs : value;
    boolean valueExpr = false;
    if (format != null && !a.equals("unset") && !a.equals("echo")) {
      if (format.startsWith("expr=")) {
        ExprParser.StringResult parsed = ExprParser.parseString(format.substring(5), Sections.exprOptions(call));
        if (!parsed.ok()) {
          call.fail(Problem.Kind.EXPRESSION, call.at(a.startsWith("edit") ? subsWord : valWord),
              "Can't parse value expression : " + parsed.error(), null);
          return;
        }
        valueExpr = true;
      } else {
        String tagError = formatError(format);
        if (tagError != null) {
          call.fail(Problem.Kind.HEADER, call.at(a.startsWith("edit") ? subsWord : valWord), tagError,
              "a literal % is written %%; the format tags are %D %t %{VAR}e %{VAR}s %l %i %b");
          return;
        }
      }
    }
    call.value(new HeaderAction(request, always, a, hdr, a.startsWith("edit") ? valWord.value() : value, subs, early,
        envVar, condition, valueExpr));
  }

  /** parse_format_tag: each % starts a tag (%% and a final % are a literal %). */
  static String formatError(String s) {
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) != '%') {
        i++;
        continue;
      }
      i++;
      if (i >= s.length() || s.charAt(i) == '%') {
        i++;
        continue;
      }
      if (s.charAt(i) == '{') {
        int close = s.indexOf('}', i);
        i = close < 0 ? s.length() : close + 1;
      }
      if (i >= s.length()) {
        return "Unrecognized header format %";
      }
      char tag = s.charAt(i);
      if (TAGS.indexOf(tag) < 0) {
        return "Unrecognized header format %" + tag;
      }
      i++;
    }
    return null;
  }
}
