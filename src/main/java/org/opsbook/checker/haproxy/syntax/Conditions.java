package org.opsbook.checker.haproxy.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the expression of a {@code .if} or {@code .elif} line as HAProxy 2.6 does (cfgcond.c):
 * integers, predicates with arguments in parentheses, parentheses, {@code !}, {@code &&} before
 * {@code ||}. The facts are Debian 12's build (version 2.6.12, OpenSSL 3.0, the {@code haproxy -vv}
 * feature list) and an empty environment, so {@code defined()} is false. Stateless.
 */
final class Conditions {
  static final String VERSION = "2.6.12";
  static final String OPENSSL_VERSION = "3.0.11";
  /** haproxy -vv of Debian 12's package: the features built in (+) or out (-). */
  static final String FEATURES = "-51DEGREES +ACCEPT4 +BACKTRACE -CLOSEFROM +CPU_AFFINITY +CRYPT_H -DEVICEATLAS +DL "
      + "-ENGINE +EPOLL -EVPORTS +GETADDRINFO -KQUEUE +LIBCRYPT +LINUX_SPLICE +LINUX_TPROXY +LUA -MEMORY_PROFILING "
      + "+NETFILTER +NS -OBSOLETE_LINKER +OPENSSL +OT -PCRE +PCRE2 +PCRE2_JIT -PCRE_JIT +POLL +PRCTL -PROCCTL +PROMEX "
      + "-QUIC +RT +SLZ -STATIC_PCRE -STATIC_PCRE2 +SYSTEMD +TFO +THREAD +THREAD_DUMP +TPROXY -WURFL -ZLIB";
  private static final int MAX_DEPTH = 64;

  private Conditions() {}

  /** The outcome: true or false, or the error HAProxy reports (and the 0-based offset it points at). */
  record Result(boolean value, String error, int offset) {}

  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;

    Failure(String message, int offset) {
      super(message, null, false, false);
      this.offset = offset;
    }
  }

  static Result evaluate(String text) {
    if (text.isEmpty()) {
      return new Result(false, null, 0);
    }
    int[] pos = {0};
    try {
      boolean v = expr(text, pos, MAX_DEPTH);
      skipBlanks(text, pos);
      if (pos[0] < text.length()) {
        return new Result(false, "unexpected character '" + text.charAt(pos[0])
            + "' at the end of conditional expression '" + text + "'", pos[0]);
      }
      return new Result(v, null, 0);
    } catch (Failure f) {
      return new Result(false, f.getMessage(), f.offset);
    }
  }

  private static void skipBlanks(String t, int[] pos) {
    while (pos[0] < t.length() && (t.charAt(pos[0]) == ' ' || t.charAt(pos[0]) == '\t')) {
      pos[0]++;
    }
  }

  private static boolean expr(String t, int[] pos, int depth) throws Failure {
    if (depth <= 0) {
      throw new Failure("unparsable conditional expression '" + t.substring(pos[0]) + "'", pos[0]);
    }
    boolean left = and(t, pos, depth - 1);
    skipBlanks(t, pos);
    if (t.startsWith("||", pos[0])) {
      pos[0] += 2;
      skipBlanks(t, pos);
      boolean right = expr(t, pos, depth - 1);
      return left || right;
    }
    return left;
  }

  private static boolean and(String t, int[] pos, int depth) throws Failure {
    if (pos[0] >= t.length() || depth <= 0) {
      throw new Failure("unparsable conditional sub-expression '" + t.substring(Math.min(pos[0], t.length())) + "'",
          pos[0]);
    }
    boolean left = term(t, pos, depth - 1);
    skipBlanks(t, pos);
    if (t.startsWith("&&", pos[0])) {
      pos[0] += 2;
      skipBlanks(t, pos);
      boolean right = and(t, pos, depth - 1);
      return left && right;
    }
    return left;
  }

  private static boolean term(String t, int[] pos, int depth) throws Failure {
    skipBlanks(t, pos);
    int begin = pos[0];
    if (pos[0] >= t.length() || depth <= 0) {
      throw new Failure("unparsable conditional expression '" + t.substring(Math.min(begin, t.length())) + "'", begin);
    }
    boolean neg = false;
    while (pos[0] < t.length() && t.charAt(pos[0]) == '!') {
      neg = !neg;
      do {
        pos[0]++;
      } while (pos[0] < t.length() && (t.charAt(pos[0]) == ' ' || t.charAt(pos[0]) == '\t'));
    }
    int numberEnd = number(t, pos[0]);
    if (numberEnd > pos[0]) {
      boolean v = !isZero(t.substring(pos[0], numberEnd));
      pos[0] = numberEnd;
      return v != neg;
    }
    if (pos[0] < t.length() && t.charAt(pos[0]) == '(') {
      do {
        pos[0]++;
      } while (pos[0] < t.length() && (t.charAt(pos[0]) == ' ' || t.charAt(pos[0]) == '\t'));
      if (pos[0] >= t.length()) {
        throw new Failure("unparsable conditional expression '" + t.substring(begin) + "'", begin);
      }
      boolean v = expr(t, pos, depth - 1);
      skipBlanks(t, pos);
      if (pos[0] >= t.length() || t.charAt(pos[0]) != ')') {
        throw new Failure("expected ')' after conditional expression '" + t.substring(begin) + "'", begin);
      }
      do {
        pos[0]++;
      } while (pos[0] < t.length() && (t.charAt(pos[0]) == ' ' || t.charAt(pos[0]) == '\t'));
      return v != neg;
    }
    int wordEnd = pos[0];
    while (wordEnd < t.length() && t.charAt(wordEnd) != ' ' && t.charAt(wordEnd) != '(') {
      wordEnd++;
    }
    String word = t.substring(pos[0], wordEnd);
    int arity = switch (word) {
      case "defined", "feature", "version_atleast", "version_before", "openssl_version_atleast",
          "openssl_version_before", "ssllib_name_startswith" -> 1;
      case "streq", "strneq" -> 2;
      default -> -1;
    };
    if (arity < 0) {
      throw new Failure("unparsable conditional expression '" + t.substring(begin) + "'", begin);
    }
    pos[0] = wordEnd;
    List<String> args = arguments(t, pos, word, arity);
    boolean v = switch (word) {
      case "defined" -> false;
      case "feature" -> FEATURES.contains("+" + args.get(0) + " ") || FEATURES.endsWith("+" + args.get(0));
      case "streq" -> args.get(0).equals(args.get(1));
      case "strneq" -> !args.get(0).equals(args.get(1));
      case "version_atleast" -> compareVersions(VERSION, args.get(0)) >= 0;
      case "version_before" -> compareVersions(VERSION, args.get(0)) < 0;
      case "openssl_version_atleast" -> compareVersions(OPENSSL_VERSION, args.get(0)) >= 0;
      case "openssl_version_before" -> compareVersions(OPENSSL_VERSION, args.get(0)) < 0;
      default -> "OpenSSL".startsWith(args.get(0));
    };
    return v != neg;
  }

  /** The end of a C strtol(…, 0) number at {@code from}, or {@code from} when there is none. */
  private static int number(String t, int from) {
    int i = from;
    if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int digits = i;
    if (t.startsWith("0x", i) || t.startsWith("0X", i)) {
      int j = i + 2;
      while (j < t.length() && Character.digit(t.charAt(j), 16) >= 0) {
        j++;
      }
      if (j > i + 2) {
        return j;
      }
    }
    while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
      i++;
    }
    return i > digits ? i : from;
  }

  private static boolean isZero(String number) {
    String digits = number.replaceFirst("^[+-]", "");
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      digits = digits.substring(2);
    }
    return digits.chars().allMatch(ch -> ch == '0');
  }

  /** Arguments in parentheses, as make_arg_list reads plain strings: commas split, quotes protect. */
  private static List<String> arguments(String t, int[] pos, String predicate, int arity) throws Failure {
    List<String> out = new ArrayList<>();
    if (pos[0] >= t.length() || t.charAt(pos[0]) != '(') {
      throw new Failure("missing arguments (got 0/" + arity + ") in argument 1 of predicate '" + predicate
          + "' used in conditional expression", pos[0]);
    }
    pos[0]++;
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    while (true) {
      if (pos[0] >= t.length()) {
        throw new Failure("missing closing ')' after arguments to predicate '" + predicate + "'", pos[0]);
      }
      char c = t.charAt(pos[0]);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && pos[0] + 1 < t.length()) {
          cur.append(t.charAt(++pos[0]));
        } else {
          cur.append(c);
        }
        pos[0]++;
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        pos[0]++;
      } else if (c == ',' || c == ')') {
        out.add(cur.toString());
        cur.setLength(0);
        pos[0]++;
        if (c == ')') {
          break;
        }
      } else {
        cur.append(c);
        pos[0]++;
      }
    }
    if (out.size() == 1 && out.get(0).isEmpty() && arity > 0) {
      out.clear();
    }
    if (out.size() < arity) {
      throw new Failure("missing arguments (got " + out.size() + "/" + arity + ") in argument " + (out.size() + 1)
          + " of predicate '" + predicate + "' used in conditional expression", pos[0]);
    }
    if (out.size() > arity) {
      throw new Failure("end of arguments expected at position " + arity + " in argument " + (arity + 1)
          + " of predicate '" + predicate + "' used in conditional expression", pos[0]);
    }
    return out;
  }

  /** Compares dotted versions, missing parts read as zero and a -dev/-rc suffix as older. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? leading(x[i]) : 0;
      long q = i < y.length ? leading(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }

  private static long leading(String part) {
    int i = 0;
    while (i < part.length() && Character.isDigit(part.charAt(i)) && i < 9) {
      i++;
    }
    return i == 0 ? 0 : Long.parseLong(part.substring(0, i));
  }
}
