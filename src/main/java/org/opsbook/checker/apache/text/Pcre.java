package org.opsbook.checker.apache.text;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * httpd's regular expressions (PCRE2 through util_pcre.c, with its default options DOTALL and
 * DOLLAR_ENDONLY) as {@link java.util.regex.Pattern}s. The few spellings the two engines read
 * differently are translated: POSIX bracket classes, a {@code ]} first in a class, a {@code {}
 * that starts no quantifier, {@code (?#...)} comments, {@code (?P<name>...)}, and {@code $}. A
 * pattern PCRE accepts but that uses something Java lacks comes back as {@link Result#unsupported}:
 * valid, but the request model cannot run it. Pure functions.
 */
public final class Pcre {
  private static final Map<String, String> POSIX = Map.ofEntries(
      Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"),
      Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s\\x0B"),
      Map.entry("blank", " \\t"), Map.entry("punct", "\\p{Punct}"), Map.entry("print", "\\p{Print}"),
      Map.entry("graph", "\\p{Graph}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("xdigit", "0-9A-Fa-f"),
      Map.entry("word", "\\w"), Map.entry("ascii", "\\x00-\\x7F"));

  private Pcre() {}

  /**
   * The outcome of reading a pattern.
   *
   * @param pattern the Java pattern, or {@code null}
   * @param error why PCRE would refuse it, or {@code null}
   * @param unsupported why opsbook cannot run it although PCRE accepts it, or {@code null}
   */
  public record Result(Pattern pattern, String error, String unsupported) {
    public boolean isValid() {
      return error == null;
    }

    static Result ok(Pattern p) {
      return new Result(p, null, null);
    }

    static Result refused(String why) {
      return new Result(null, why, null);
    }

    static Result unsupported(String why) {
      return new Result(null, null, why);
    }
  }

  /** Compiles {@code regex} as ap_pregcomp would, case-insensitively when asked. */
  public static Result compile(String regex, boolean ignoreCase) {
    if (regex.length() > 8192) {
      return Result.unsupported("the pattern is longer than opsbook evaluates");
    }
    String translated;
    try {
      translated = translate(regex);
    } catch (IllegalArgumentException e) {
      return e.getMessage().startsWith("unsupported:") ? Result.unsupported(e.getMessage().substring(12))
          : Result.refused(e.getMessage());
    }
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    try {
      return Result.ok(Pattern.compile(translated, flags));
    } catch (PatternSyntaxException | StackOverflowError e) {
      String d = e instanceof PatternSyntaxException p ? p.getDescription() : "too deeply nested";
      return Result.refused(d);
    }
  }

  private static String translate(String re) {
    StringBuilder out = new StringBuilder(re.length() + 8);
    int i = 0;
    int n = re.length();
    while (i < n) {
      char c = re.charAt(i);
      if (c == '\\') {
        if (i + 1 >= n) {
          throw new IllegalArgumentException("\\ at end of pattern");
        }
        char e = re.charAt(i + 1);
        if (e == 'K' || e == 'g' || e == 'N' && i + 2 < n && re.charAt(i + 2) == '{') {
          throw new IllegalArgumentException("unsupported:\\" + e + " has no Java equivalent");
        }
        out.append(c).append(e);
        i += 2;
      } else if (c == '[') {
        i = bracket(re, i, out);
      } else if (c == '{') {
        int end = quantifierEnd(re, i);
        if (end < 0) {
          out.append("\\{");
          i++;
        } else {
          out.append(re, i, end);
          i = end;
        }
      } else if (c == '}') {
        out.append("\\}");
        i++;
      } else if (c == '$') {
        out.append("(?![\\s\\S])");
        i++;
      } else if (c == '(' && re.startsWith("(?#", i)) {
        int close = re.indexOf(')', i);
        if (close < 0) {
          throw new IllegalArgumentException("missing ) at end of comment");
        }
        i = close + 1;
      } else if (c == '(' && re.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 4;
      } else if (c == '(' && (re.startsWith("(?P=", i) || re.startsWith("(?P>", i) || re.startsWith("(?|", i)
          || re.startsWith("(?R", i) || re.startsWith("(?&", i) || re.startsWith("(?(", i) || re.startsWith("(*", i)
          || numberedRecursion(re, i))) {
        throw new IllegalArgumentException("unsupported:the pattern uses a PCRE construct Java lacks");
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** PCRE's {@code (?1)}, {@code (?+1)}, {@code (?-1)} subroutine calls. */
  private static boolean numberedRecursion(String re, int i) {
    int j = i + 2;
    if (!re.startsWith("(?", i) || j >= re.length()) {
      return false;
    }
    if (re.charAt(j) == '+' || re.charAt(j) == '-') {
      j++;
    }
    return j < re.length() && Character.isDigit(re.charAt(j));
  }

  /** The index after a valid {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}, or -1. */
  private static int quantifierEnd(String re, int i) {
    int j = i + 1;
    int digits = 0;
    while (j < re.length() && Character.isDigit(re.charAt(j))) {
      j++;
      digits++;
    }
    if (digits == 0) {
      return -1;
    }
    if (j < re.length() && re.charAt(j) == ',') {
      j++;
      while (j < re.length() && Character.isDigit(re.charAt(j))) {
        j++;
      }
    }
    return j < re.length() && re.charAt(j) == '}' ? j + 1 : -1;
  }

  /** Copies a bracket expression, translating what Java reads otherwise; returns the index after it. */
  private static int bracket(String re, int start, StringBuilder out) {
    int i = start + 1;
    StringBuilder cls = new StringBuilder("[");
    if (i < re.length() && re.charAt(i) == '^') {
      cls.append('^');
      i++;
    }
    boolean first = true;
    while (true) {
      if (i >= re.length()) {
        throw new IllegalArgumentException("missing terminating ] for character class");
      }
      char c = re.charAt(i);
      if (c == ']' && !first) {
        cls.append(']');
        out.append(cls);
        return i + 1;
      }
      first = false;
      if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
        int close = re.indexOf(":]", i + 2);
        if (close > 0) {
          String name = re.substring(i + 2, close);
          if (name.startsWith("^")) {
            throw new IllegalArgumentException("unsupported:a negated POSIX class has no Java equivalent");
          }
          String javaClass = POSIX.get(name);
          if (javaClass == null) {
            throw new IllegalArgumentException("unknown POSIX class name");
          }
          cls.append(javaClass);
          i = close + 2;
          continue;
        }
      }
      if (c == '\\' && i + 1 < re.length()) {
        cls.append(c).append(re.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '[' || c == ']' || c == '&' || c == '{' || c == '}') {
        cls.append('\\').append(c);
      } else {
        cls.append(c);
      }
      i++;
    }
  }
}
