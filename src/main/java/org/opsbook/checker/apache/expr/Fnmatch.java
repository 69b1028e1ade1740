package org.opsbook.checker.apache.expr;

/**
 * apr_fnmatch without flags, as ap_expr's -strmatch and httpd's wildcard names use it:
 * {@code *} any run, {@code ?} one character, {@code [...]} a class; optionally case-insensitive.
 * Iterative with one backtrack point: linear in practice. Pure.
 */
public final class Fnmatch {
  private Fnmatch() {}

  public static boolean matches(String pattern, String s, boolean ignoreCase) {
    String p = ignoreCase ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern;
    String t = ignoreCase ? s.toLowerCase(java.util.Locale.ROOT) : s;
    int pi = 0;
    int si = 0;
    int starP = -1;
    int starS = -1;
    while (si < t.length()) {
      if (pi < p.length()) {
        char c = p.charAt(pi);
        if (c == '*') {
          starP = pi++;
          starS = si;
          continue;
        }
        int next = one(p, pi, t.charAt(si));
        if (next > 0) {
          pi = next;
          si++;
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      pi = starP + 1;
      si = ++starS;
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }

  private static int one(String p, int pi, char ch) {
    char c = p.charAt(pi);
    if (c == '?') {
      return pi + 1;
    }
    if (c == '\\' && pi + 1 < p.length()) {
      return p.charAt(pi + 1) == ch ? pi + 2 : -1;
    }
    if (c == '[') {
      int end = p.indexOf(']', pi + 2);
      if (end > 0) {
        boolean negate = p.charAt(pi + 1) == '!' || p.charAt(pi + 1) == '^';
        boolean found = false;
        for (int i = negate ? pi + 2 : pi + 1; i < end; i++) {
          if (i + 2 < end && p.charAt(i + 1) == '-') {
            found |= p.charAt(i) <= ch && ch <= p.charAt(i + 2);
            i += 2;
          } else {
            found |= p.charAt(i) == ch;
          }
        }
        return found != negate ? end + 1 : -1;
      }
    }
    return c == ch ? pi + 1 : -1;
  }
}
