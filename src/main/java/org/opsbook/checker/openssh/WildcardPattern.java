package org.opsbook.checker.openssh;

import java.util.Locale;

/**
 * OpenSSH's pattern matching (match.c), used alike by sshd and ssh: {@code *} and {@code ?}
 * wildcards, comma-separated lists in which a matching {@code !}-prefixed pattern vetoes the whole
 * list. Pure functions.
 */
public final class WildcardPattern {
  private WildcardPattern() {}

  /**
   * match.c match_pattern(): the whole string against one pattern, case-sensitive. match.c
   * recurses at every {@code *}; with only {@code *} and {@code ?} one backtrack point gives the
   * same answers in linear time, so hostile patterns cannot make it slow.
   */
  public static boolean matches(String s, String pattern) {
    int si = 0;
    int pi = 0;
    int starP = -1;
    int starS = -1;
    while (si < s.length()) {
      if (pi < pattern.length() && pattern.charAt(pi) == '*') {
        starP = pi++;
        starS = si;
      } else if (pi < pattern.length() && (pattern.charAt(pi) == '?' || pattern.charAt(pi) == s.charAt(si))) {
        pi++;
        si++;
      } else if (starP >= 0) {
        pi = starP + 1;
        si = ++starS;
      } else {
        return false;
      }
    }
    while (pi < pattern.length() && pattern.charAt(pi) == '*') {
      pi++;
    }
    return pi == pattern.length();
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
