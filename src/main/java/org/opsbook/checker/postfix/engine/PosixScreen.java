package org.opsbook.checker.postfix.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Decides whether glibc's regcomp()/regexec() may be run on a {@code regexp:} pattern inside the
 * build. glibc's regex code recurses and expands without bounds of its own, so some short patterns
 * crash or exhaust the process that runs them (measured with glibc 2.36 on a 1 MiB thread stack):
 *
 * <ul>
 *   <li>back-references in repeated groups recurse without limit: {@code (|)(\1\1)*} is
 *       CVE-2019-9192 and kills the JVM with SIGSEGV;
 *   <li>some 2,000 nested groups overflow the stack while compiling;
 *   <li>counted repeats are compiled as copies, and optional copies nest: {@code x{0,32767}} takes
 *       14 s and 8 GB, {@code (x{0,100}){0,100}} needs 4.6 s to match 38 bytes;
 *   <li>{@code x+} is compiled as {@code xx*}, so stacked repeats double: 18 of them
 *       ({@code a++++++++++++++++++}) take 1.1 s to compile (found by fuzzing).
 * </ul>
 *
 * Such patterns go to the translator instead (Postfix itself would suffer them in its cleanup
 * process). The scan reads just enough of the syntax to count: brackets, escapes, groups, repeats.
 * Stateless.
 */
final class PosixScreen {
  /** Far below the measured crash (2,000 levels) and far above any real table. */
  static final int MAX_NESTING = 100;
  /** Nodes that counted repeats may add; x{0,1000} (1,000) compiles and matches in a few ms. */
  static final long MAX_COPIES = 1_000;
  private static final int RE_DUP_MAX = 0x7fff;

  private PosixScreen() {}

  /**
   * Why glibc is not run on this pattern, or empty when it may be.
   *
   * @param pattern the pattern's bytes, one char per byte
   * @param extended whether REG_EXTENDED is on (the default for regexp: tables)
   */
  static Optional<String> whyNot(String pattern, boolean extended) {
    // The weight of each open group's content so far, and of the atom that a repeat would repeat.
    Deque<long[]> groups = new ArrayDeque<>();
    long[] top = new long[2]; // [0]: weight so far, [1]: weight of the last atom
    long atoms = 0;
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      char c = pattern.charAt(i);
      if (c == '[') {
        i = skipBracket(pattern, i);
        atoms++;
        top = atom(top, 1);
        continue;
      }
      if (c == '\\' && i + 1 < n) {
        char e = pattern.charAt(i + 1);
        if (e >= '1' && e <= '9') {
          return Optional.of("glibc's matcher can recurse without bound on back-references (CVE-2019-9192)");
        }
        if (!extended && (e == '(' || e == ')' || e == '{')) {
          c = e; // basic syntax: \( \) \{ are the operators
          i++;
        } else if (!extended && e == '+') {
          top = plus(top); // the GNU \+ of basic syntax
          i += 2;
          continue;
        } else {
          i += 2;
          atoms++;
          top = atom(top, 1);
          continue;
        }
      } else if (!extended && (c == '(' || c == ')' || c == '{' || c == '+' || c == '?')) {
        i++;
        atoms++;
        top = atom(top, 1);
        continue;
      }
      switch (c) {
        case '(' -> {
          if (groups.size() >= MAX_NESTING) {
            return Optional.of("groups nest deeper than " + MAX_NESTING + " levels, where glibc's compiler can"
                + " overflow its stack");
          }
          groups.push(top);
          top = new long[2];
          i++;
        }
        case ')' -> {
          if (groups.isEmpty()) {
            i++; // a literal ) in extended syntax
            atoms++;
            top = atom(top, 1);
          } else {
            long inner = Math.max(1, top[0]);
            top = atom(groups.pop(), inner);
            i++;
          }
        }
        case '{' -> {
          int close = pattern.indexOf(extended ? "}" : "\\}", i);
          long copies = close < 0 ? 1 : copies(pattern.substring(i + 1, close));
          top[0] = saturate(top[0] - top[1] + saturate(top[1] * copies));
          top[1] = saturate(top[1] * copies);
          i = close < 0 ? n : close + (extended ? 1 : 2);
        }
        case '+' -> {
          top = plus(top);
          i++;
        }
        default -> {
          i++;
          if (c != '*' && c != '?' && c != '|' && c != '^' && c != '$') {
            atoms++;
            top = atom(top, 1);
          }
        }
      }
      if (top[0] - atoms > MAX_COPIES) {
        return Optional.of("counted repeats expand to more than " + MAX_COPIES + " copies, which glibc compiles"
            + " and matches in time and memory that grow with their square");
      }
    }
    long total = top[0];
    while (!groups.isEmpty()) {
      total += groups.pop()[0];
    }
    if (total - atoms > MAX_COPIES) {
      return Optional.of("counted repeats expand to more than " + MAX_COPIES + " copies, which glibc compiles"
          + " and matches in time and memory that grow with their square");
    }
    return Optional.empty();
  }

  /** glibc compiles x+ as x followed by x*: the repeated atom is copied, so stacked + doubles. */
  private static long[] plus(long[] frame) {
    long w = frame[1];
    return new long[] {saturate(frame[0] - w + saturate(2 * w)), saturate(2 * w)};
  }

  private static long[] atom(long[] frame, long weight) {
    return new long[] {saturate(frame[0] + weight), weight};
  }

  /** How many copies glibc makes of the repeated atom for {m}, {m,} or {m,n}. */
  private static long copies(String body) {
    String[] parts = body.split(",", -1);
    long min = number(parts[0]);
    if (parts.length == 1) {
      return Math.max(1, min);
    }
    long max = parts[1].isEmpty() ? min + 1 : number(parts[1]);
    return Math.max(1, Math.max(min, max));
  }

  private static long number(String digits) {
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      return digits.isEmpty() ? 0 : RE_DUP_MAX;
    }
    return Long.parseLong(digits);
  }

  /** The offset after the bracket expression at {@code open}, as regcomp reads it. */
  private static int skipBracket(String p, int open) {
    int i = open + 1;
    if (i < p.length() && p.charAt(i) == '^') {
      i++;
    }
    if (i < p.length() && p.charAt(i) == ']') {
      i++;
    }
    while (i < p.length() && p.charAt(i) != ']') {
      if (p.charAt(i) == '[' && i + 1 < p.length() && ":.=".indexOf(p.charAt(i + 1)) >= 0) {
        int end = p.indexOf(p.charAt(i + 1) + "]", i + 2);
        i = end < 0 ? p.length() : end + 2;
      } else {
        i++;
      }
    }
    return Math.min(p.length(), i + 1);
  }

  private static long saturate(long v) {
    return v < 0 || v > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : v;
  }
}
