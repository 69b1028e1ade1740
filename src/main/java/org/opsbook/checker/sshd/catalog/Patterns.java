package org.opsbook.checker.sshd.catalog;

/**
 * OpenSSH's pattern matching (match.c): {@code *} and {@code ?} wildcards, comma-separated lists,
 * {@code !} negation. Pure functions.
 */
public final class Patterns {
  private Patterns() {}

  /** match.c match_pattern(): the whole string against one wildcard pattern. */
  public static boolean matches(String s, String pattern) {
    return matchAt(s, 0, pattern, 0);
  }

  private static boolean matchAt(String s, int si, String p, int pi) {
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
          if (matchAt(s, k, p, pi)) {
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
   * match.c match_pattern_list(): 1 for a positive match, -1 when a negated pattern matches
   * (which wins), 0 for no match.
   *
   * @param lowerCase compare case-insensitively (host names)
   */
  public static int matchList(String s, String list, boolean lowerCase) {
    String subject = lowerCase ? s.toLowerCase(java.util.Locale.ROOT) : s;
    int got = 0;
    for (String raw : list.split(",", -1)) {
      boolean negated = raw.startsWith("!");
      String p = negated ? raw.substring(1) : raw;
      if (lowerCase) {
        p = p.toLowerCase(java.util.Locale.ROOT);
      }
      if (matches(subject, p)) {
        if (negated) {
          return -1;
        }
        got = 1;
      }
    }
    return got;
  }
}
