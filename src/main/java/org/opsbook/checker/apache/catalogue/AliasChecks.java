package org.opsbook.checker.apache.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.apache.expr.ExprParser;
import org.opsbook.checker.apache.model.AliasEntry;
import org.opsbook.checker.apache.model.HttpStatus;
import org.opsbook.checker.apache.model.Problem;
import org.opsbook.checker.apache.text.Pcre;

/** mod_alias's directives (mod_alias.c, add_alias_internal and add_redirect_internal). */
final class AliasChecks {
  private static final String REDIRECT_HINT = "Redirect [status] URL-path URL, where status is permanent, temp, "
      + "seeother, gone or a number";

  private AliasChecks() {}

  static void register(Map<String, DirectiveCheck> m) {
    m.put("alias", call -> alias(call, false, false));
    m.put("scriptalias", call -> alias(call, false, true));
    m.put("aliasmatch", call -> alias(call, true, false));
    m.put("scriptaliasmatch", call -> alias(call, true, true));
    m.put("redirect", call -> redirect(call, 302, false));
    m.put("redirectmatch", call -> redirect(call, 302, true));
    m.put("redirecttemp", call -> redirect(call, 302, false));
    m.put("redirectpermanent", call -> redirect(call, 301, false));
  }

  private static void alias(Call call, boolean regex, boolean script) {
    List<String> w = ArgForms.values(call.args());
    if (w.size() == 2) {
      java.util.Optional<String> ctx = contextOf(call, Forbidden.NOT_IN_DIR_CONTEXT);
      if (ctx.isPresent()) {
        call.fail(Problem.Kind.CONTEXT, ctx.get(), "with two arguments it belongs at server or virtual host level; "
            + "inside <Location> give only the target");
        return;
      }
      java.util.regex.Pattern p = null;
      if (regex) {
        Pcre.Result r = Pcre.compile(w.get(0), false);
        if (!r.isValid()) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(0), "Regular expression could not be compiled.", "PCRE says: " + r.error());
          return;
        }
        p = r.pattern();
      }
      call.value(new AliasEntry(false, w.get(0), w.get(1), p, regex, 0, script));
      return;
    }
    java.util.Optional<String> ctx = contextOf(call, Forbidden.NOT_IN_DIRECTORY | Forbidden.NOT_IN_FILES);
    if (ctx.isPresent()) {
      call.fail(Problem.Kind.CONTEXT, ctx.get(), null);
      return;
    }
    if (call.state.path == null) {
      call.fail(Problem.Kind.ARGUMENTS, call.name() + " must have two arguments when used globally",
          "Alias URL-path file-path, or only the path inside <Location>");
      return;
    }
    ExprParser.StringResult parsed = ExprParser.parseString(w.get(0), Sections.exprOptions(call));
    if (!parsed.ok()) {
      call.fail(Problem.Kind.EXPRESSION, call.at(0), "Cannot parse alias expression '" + w.get(0) + "': " + parsed.error(), null);
      return;
    }
    call.value(new AliasEntry(false, null, w.get(0), null, false, 0, script));
  }

  private static java.util.Optional<String> contextOf(Call call, int forbidden) {
    return call.context(forbidden);
  }

  /** add_redirect_internal. */
  private static void redirect(Call call, int defaultStatus, boolean regex) {
    List<String> w = ArgForms.values(call.args());
    String arg1 = w.get(0);
    String arg2 = w.size() > 1 ? w.get(1) : null;
    String arg3 = w.size() > 2 ? w.get(2) : null;
    String name = call.name().toLowerCase(Locale.ROOT);
    int status = name.equals("redirectpermanent") ? 301 : defaultStatus;
    int grok = 1;
    if (name.equals("redirecttemp") || name.equals("redirectpermanent")) {
      // add_redirect2 passes the two words as arg1 and arg2 with a fixed status.
      arg3 = null;
    }
    String l = arg1.toLowerCase(Locale.ROOT);
    if (l.equals("permanent")) {
      status = 301;
    } else if (l.equals("temp")) {
      status = 302;
    } else if (l.equals("seeother")) {
      status = 303;
    } else if (l.equals("gone")) {
      status = 410;
      grok = -1;
    } else if (!arg1.isEmpty() && Character.isDigit(arg1.charAt(0))) {
      status = (int) Math.min(CoreChecks.atoi(arg1), 100000);
      if (!HttpStatus.isRedirect(status)) {
        grok = -1;
      }
    } else {
      grok = 0;
    }
    if (arg3 != null && grok == 0) {
      call.fail(Problem.Kind.REDIRECT, call.at(0), "Redirect: invalid first argument (of three)", REDIRECT_HINT);
      return;
    }
    String fake = arg2;
    String url = arg3;
    if (call.state.path != null) {
      if ((grok > 0 && arg2 != null && arg3 == null) || (grok == 0 && arg2 == null)) {
        url = grok != 0 ? arg2 : arg1;
        ExprParser.StringResult parsed = ExprParser.parseString(url, Sections.exprOptions(call));
        if (!parsed.ok()) {
          call.fail(Problem.Kind.EXPRESSION, "Cannot parse redirect expression '" + url + "': " + parsed.error(), null);
          return;
        }
        call.value(new AliasEntry(true, null, url, null, false, status, false));
        return;
      }
      if (grok < 0 && arg2 == null) {
        call.value(new AliasEntry(true, null, null, null, false, status, false));
        return;
      }
    }
    if (arg3 == null && grok == 0) {
      fake = arg1;
      url = arg2;
    }
    java.util.regex.Pattern p = null;
    if (regex) {
      Pcre.Result r = Pcre.compile(fake == null ? "" : fake, false);
      if (!r.isValid()) {
        call.fail(Problem.Kind.REDIRECT, "Regular expression could not be compiled.", "PCRE says: " + r.error());
        return;
      }
      p = r.pattern();
    }
    if (HttpStatus.isRedirect(status)) {
      if (url == null) {
        call.fail(Problem.Kind.REDIRECT, "URL to redirect to is missing", REDIRECT_HINT);
        return;
      }
      if (!regex && !isUrl(url) && !url.startsWith("/")) {
        call.fail(Problem.Kind.REDIRECT, "Redirect to non-URL", "the target is a full URL (https://...) or a path starting with /");
        return;
      }
    } else if (url != null) {
      call.fail(Problem.Kind.REDIRECT, "Redirect URL not valid for this status",
          "a " + status + " has no target: Redirect " + status + " /path");
      return;
    }
    call.value(new AliasEntry(true, fake, url, p, regex, status, false));
  }

  /** ap_is_url: a scheme of letters, digits, +, - or . followed by ':'. */
  static boolean isUrl(String u) {
    int i = 0;
    while (i < u.length()) {
      char c = u.charAt(i);
      if (c == ':') {
        return i > 0;
      }
      if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
        return false;
      }
      i++;
    }
    return false;
  }
}
