package org.opsbook.checker.openssh;

import java.util.Locale;

/**
 * OpenSSH's pattern matching (match.c), used alike by sshd and ssh: {@code *} and {@code ?}
 * wildcards, comma-separated lists in which a matching {@code !}-prefixed pattern vetoes the whole
 * list. Pure functions.
 */
public final class WildcardPattern {
  private WildcardPattern() {}

  /** match.c match_pattern(): the whole string against one pattern, case-sensitive. */
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
   * match.c match_pattern_list(): 1 when some positive pattern matches and no negated one does,
   * -1 when a negated pattern matches (which wins), 0 otherwise.
   *
   * @param lowerPatterns lower-case each pattern first, as match.c's {@code dolower} does; like
   *     match.c it leaves {@code s} alone, so callers matching host names pass it in lower case
   */
  public static int matchList(String s, String list, boolean lowerPatterns) {
    int got = 0;
    for (String raw : list.split(",", -1)) {
      boolean negated = raw.startsWith("!");
      String pattern = negated ? raw.substring(1) : raw;
      if (lowerPatterns) {
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
