package org.opsbook.checker.sshclient.catalog;

import java.util.Locale;

/**
 * ssh's pattern matching (match.c): {@code *} and {@code ?} wildcards, comma-separated lists in
 * which a {@code !}-prefixed pattern that matches vetoes the whole list. Pure functions.
 */
public final class Wildcards {
  private Wildcards() {}

  /** One pattern against a string, case-sensitive, as match_pattern does. */
  public static boolean matches(String s, String pattern) {
    return glob(s, 0, pattern, 0);
  }

  private static boolean glob(String s, int si, String p, int pi) {
    while (true) {
      if (pi == p.length()) {
        return si == s.length();
      }
      char c = p.charAt(pi);
      if (c == '*') {
        while (pi < p.length() && p.charAt(pi) == '*') {
          pi++;
        }
        if (pi == p.length()) {
          return true;
        }
        for (int k = si; k <= s.length(); k++) {
          if (glob(s, k, p, pi)) {
            return true;
          }
        }
        return false;
      }
      if (si == s.length()) {
        return false;
      }
      if (c != '?' && c != s.charAt(si)) {
        return false;
      }
      si++;
      pi++;
    }
  }

  /**
   * match_pattern_list: 1 when some positive pattern matches and no negated one does, -1 when a
   * negated pattern matches, 0 otherwise.
   *
   * @param lower whether patterns are compared in lower case (host names)
   */
  public static int matchList(String s, String list, boolean lower) {
    int got = 0;
    for (String sub : list.split(",", -1)) {
      boolean negated = sub.startsWith("!");
      String pattern = negated ? sub.substring(1) : sub;
      if (lower) {
        pattern = pattern.toLowerCase(Locale.ROOT);
      }
      if (matches(s, pattern)) {
        if (negated) {
          return -1;
        }
        got = 1;
      }
    }
    return got;
  }
}
