package org.opsbook.check;

/**
 * glob(7) matching of whole paths, as glob(3) applies it one path component at a time: {@code *}
 * and {@code ?} never match {@code /}, a leading {@code .} of a component must be matched
 * literally, {@code [...]} is a bracket expression with ranges and {@code !} or {@code ^}
 * negation, and a backslash quotes the next character. Pure functions.
 */
public final class GlobPattern {
  private GlobPattern() {}

  /** Whether {@code path} matches {@code pattern} in full. */
  public static boolean matches(String pattern, String path) {
    String[] ps = pattern.split("/", -1);
    String[] ns = path.split("/", -1);
    if (ps.length != ns.length) {
      return false;
    }
    for (int i = 0; i < ps.length; i++) {
      if (!component(ps[i], ns[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code text} matches {@code pattern} as fnmatch(3) without flags matches it: the same
   * wildcards, but {@code *} and {@code ?} also match {@code /} and a leading {@code .}.
   */
  public static boolean matchesText(String pattern, String text) {
    return match(pattern, 0, text, 0);
  }

  private static boolean component(String pattern, String name) {
    if (name.startsWith(".") && !pattern.startsWith(".") && !pattern.startsWith("\\.")) {
      return pattern.equals(name);
    }
    return match(pattern, 0, name, 0);
  }

  // Iterative with one backtrack point for '*': linear in practice, never exponential.
  private static boolean match(String p, int pi, String s, int si) {
    int starP = -1;
    int starS = -1;
    while (si < s.length()) {
      if (pi < p.length()) {
        char c = p.charAt(pi);
        if (c == '*') {
          starP = pi++;
          starS = si;
          continue;
        }
        int next = single(p, pi, s.charAt(si));
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

  /** If the pattern element at {@code pi} matches {@code ch}, the index after it; otherwise -1. */
  private static int single(String p, int pi, char ch) {
    char c = p.charAt(pi);
    if (c == '?') {
      return pi + 1;
    }
    if (c == '\\' && pi + 1 < p.length()) {
      return p.charAt(pi + 1) == ch ? pi + 2 : -1;
    }
    if (c == '[') {
      int end = bracketEnd(p, pi);
      if (end > 0) {
        return inBracket(p, pi + 1, end, ch) ? end + 1 : -1;
      }
    }
    return c == ch ? pi + 1 : -1;
  }

  /** The index of the {@code ]} closing the bracket expression at {@code open}, or -1. */
  private static int bracketEnd(String p, int open) {
    int i = open + 1;
    if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
      i++;
    }
    if (i < p.length() && p.charAt(i) == ']') {
      i++;
    }
    for (; i < p.length(); i++) {
      if (p.charAt(i) == ']') {
        return i;
      }
    }
    return -1;
  }

  private static boolean inBracket(String p, int from, int end, char ch) {
    boolean negate = p.charAt(from) == '!' || p.charAt(from) == '^';
    int i = negate ? from + 1 : from;
    boolean found = false;
    boolean first = true;
    while (i < end) {
      char lo = p.charAt(i);
      if (lo == ']' && !first) {
        break;
      }
      first = false;
      if (i + 2 < end && p.charAt(i + 1) == '-') {
        char hi = p.charAt(i + 2);
        if (lo <= ch && ch <= hi) {
          found = true;
        }
        i += 3;
      } else {
        if (lo == ch) {
          found = true;
        }
        i++;
      }
    }
    return found != negate;
  }
}
