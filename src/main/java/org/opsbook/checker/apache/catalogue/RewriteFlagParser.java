package org.opsbook.checker.apache.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.checker.apache.model.HttpStatus;
import org.opsbook.checker.apache.model.RewriteFlags;

/**
 * mod_rewrite's flag field reader (mod_rewrite.c, cmd_parseflagfield, and the setflag functions
 * of RewriteRule and RewriteCond), character for character: {@code [} and {@code ]} around
 * comma-separated flags, white space around each trimmed, {@code key=value} split at the first
 * {@code =}. Flag names are matched as httpd matches them (first letter, then the rest), so
 * {@code redirect=301} and {@code R=301} are the same flag and {@code D}-anything is silently
 * taken. Not thread-safe; one instance per field.
 */
public final class RewriteFlagParser {
  /** The flags of one RewriteRule, filled as httpd's setflag fills its struct. */
  static final class Rule {
    boolean chain, last, end, next, redirect, statusOnly, noSub, proxy, passThrough, noCase, noEscape, noSubReq;
    boolean qsa, qsd, qsl, dpi, escapeBackrefs, other;
    int status = 302;
    int maxRounds = 10000;
    int skip;
    String type;
    String handler;
    final List<String> env = new ArrayList<>();
    final List<String> cookies = new ArrayList<>();

    RewriteFlags build(boolean qsNone) {
      return new RewriteFlags(chain, last, end, next, maxRounds, redirect, status, statusOnly, noSub, proxy, passThrough,
          noCase, noEscape, noSubReq, qsa, qsd, qsl, qsNone, dpi, escapeBackrefs, skip, type, handler, env, cookies, other);
    }
  }

  /** The flags of one RewriteCond. */
  static final class Cond {
    boolean noCase;
    boolean orNext;
    boolean noVary;
  }

  private interface Setter {
    /** httpd's message for a refused flag, or null. */
    String set(String key, String value);
  }

  private RewriteFlagParser() {}

  /** Reads a RewriteRule's flags into {@code into}; returns httpd's error or null. */
  static String rule(String field, Rule into) {
    return parse(field, (k, v) -> ruleFlag(k, v, into));
  }

  static String cond(String field, Cond into) {
    return parse(field, (k, v) -> {
      String key = k.toLowerCase(Locale.ROOT);
      switch (key) {
        case "nocase", "nc" -> into.noCase = true;
        case "ornext", "or" -> into.orNext = true;
        case "novary", "nv" -> into.noVary = true;
        default -> {
          return "unknown flag '" + k + "'";
        }
      }
      return null;
    });
  }

  /** cmd_parseflagfield, on a NUL-terminated copy as in C. */
  private static String parse(String field, Setter setter) {
    if (field.isEmpty() || field.charAt(0) != '[' || field.charAt(field.length() - 1) != ']') {
      return "bad flag delimiters";
    }
    char[] a = (field + '\0').toCharArray();
    a[field.length() - 1] = ',';
    int key = 1;
    while (a[key] != 0) {
      while (a[key] != 0 && isSpace(a[key])) {
        key++;
      }
      int nextp = indexOf(a, key, ',');
      if (a[key] == 0 || nextp < 0) {
        break;
      }
      int endp = nextp - 1;
      while (endp >= 0 && isSpace(a[endp])) {
        endp--;
      }
      a[++endp] = 0;
      int eq = indexOf(a, key, '=');
      String value;
      if (eq >= 0) {
        a[eq] = 0;
        value = string(a, eq + 1);
      } else {
        value = string(a, endp);
      }
      String err = setter.set(string(a, key), value);
      if (err != null) {
        return err;
      }
      key = nextp + 1;
    }
    return null;
  }

  /** cmd_rewriterule_setflag. */
  private static String ruleFlag(String key, String val, Rule f) {
    if (key.isEmpty()) {
      return "unknown flag ''";
    }
    char first = Character.toLowerCase(key.charAt(0));
    String rest = key.substring(1);
    String r = rest.toLowerCase(Locale.ROOT);
    boolean error = false;
    switch (first) {
      case 'b' -> {
        if (r.isEmpty() || r.equals("ackrefescaping")) {
          f.escapeBackrefs = true;
          f.other |= !val.isEmpty();
        } else if (r.equals("ne")) {
          if (val.isEmpty()) {
            return "flag 'BNE' wants a list of characters (i.e. [BNE=...])";
          }
          f.other = true;
        } else if (r.equals("np") || r.equals("ackrefernoplus")) {
          f.other = true;
        } else if (r.equals("ctls")) {
          f.escapeBackrefs = true;
          f.other = true;
        } else {
          error = true;
        }
      }
      case 'c' -> {
        if (r.isEmpty() || r.equals("hain")) {
          f.chain = true;
        } else if (r.equals("o") || r.equals("ookie")) {
          f.cookies.add(val);
        } else {
          error = true;
        }
      }
      case 'd' -> {
        // mod_rewrite sets DPI for D, DPI and discardpath and ignores any other D-flag.
        if (r.isEmpty() || r.equals("pi") || r.equals("iscardpath")) {
          f.dpi = true;
        }
      }
      case 'e' -> {
        if (r.isEmpty() || r.equals("nv")) {
          f.env.add(val);
        } else if (r.equals("nd")) {
          f.end = true;
        } else {
          error = true;
        }
      }
      case 'f' -> {
        if (r.isEmpty() || r.equals("orbidden")) {
          f.statusOnly = true;
          f.noSub = true;
          f.status = 403;
        } else {
          error = true;
        }
      }
      case 'g' -> {
        if (r.isEmpty() || r.equals("one")) {
          f.statusOnly = true;
          f.noSub = true;
          f.status = 410;
        } else {
          error = true;
        }
      }
      case 'h' -> {
        if (r.isEmpty() || r.equals("andler")) {
          f.handler = val;
        } else {
          error = true;
        }
      }
      case 'l' -> {
        if (r.isEmpty() || r.equals("ast")) {
          f.last = true;
        } else {
          error = true;
        }
      }
      case 'n' -> {
        if (r.equals("e") || r.equals("oescape")) {
          f.noEscape = true;
        } else if (r.isEmpty() || r.equals("ext")) {
          f.next = true;
          if (!val.isEmpty()) {
            f.maxRounds = (int) CoreChecks.atoi(val);
          }
        } else if (r.equals("s") || r.equals("osubreq")) {
          f.noSubReq = true;
        } else if (r.equals("c") || r.equals("ocase")) {
          f.noCase = true;
        } else {
          error = true;
        }
      }
      case 'p' -> {
        if (r.isEmpty() || r.equals("roxy")) {
          f.proxy = true;
        } else if (r.equals("t") || r.equals("assthrough")) {
          f.passThrough = true;
        } else {
          error = true;
        }
      }
      case 'q' -> {
        if (r.equals("sa") || r.equals("sappend")) {
          f.qsa = true;
        } else if (r.equals("sd") || r.equals("sdiscard")) {
          f.qsd = true;
        } else if (r.equals("sl") || r.equals("slast")) {
          f.qsl = true;
        } else {
          error = true;
        }
      }
      case 'r' -> {
        if (r.isEmpty() || r.equals("edirect")) {
          return redirect(val, f);
        }
        error = true;
      }
      case 's' -> {
        if (r.isEmpty() || r.equals("kip")) {
          f.skip = (int) CoreChecks.atoi(val);
        } else {
          error = true;
        }
      }
      case 't' -> {
        if (r.isEmpty() || r.equals("ype")) {
          f.type = val;
        } else {
          error = true;
        }
      }
      case 'u' -> {
        if (r.equals("nsafeprefixstat") || r.equals("nsafeallow3f") || r.equals("nc")) {
          f.other = true;
        } else {
          error = true;
        }
      }
      default -> error = true;
    }
    return error ? "unknown flag '" + key + "'" : null;
  }

  private static String redirect(String val, Rule f) {
    f.redirect = true;
    if (val.isEmpty()) {
      return null;
    }
    String v = val.toLowerCase(Locale.ROOT);
    int status = 0;
    switch (v) {
      case "permanent" -> status = 301;
      case "temp" -> status = 302;
      case "seeother" -> status = 303;
      default -> {
        if (Character.isDigit(val.charAt(0))) {
          long n = CoreChecks.atoi(val);
          status = (int) Math.min(n, 100000);
          if (status != 500 && !HttpStatus.isKnown(status)) {
            return "invalid HTTP response code '" + val + "' for flag 'R'";
          }
          if (!HttpStatus.isRedirect(status)) {
            f.statusOnly = true;
            f.noSub = true;
          }
        }
      }
    }
    f.status = status;
    return null;
  }

  private static int indexOf(char[] a, int from, char c) {
    for (int i = from; i < a.length && a[i] != 0; i++) {
      if (a[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static String string(char[] a, int from) {
    int end = from;
    while (end < a.length && a[end] != 0) {
      end++;
    }
    return new String(a, from, end - from);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }
}
