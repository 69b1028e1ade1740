package org.opsbook.checker.nginx.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A PCRE2 pattern as nginx compiles it (nginx: src/core/ngx_regex.c; caseless for {@code ~*}),
 * translated to java.util.regex for the common subset: named groups in PCRE's three spellings,
 * a {@code {} that starts no quantifier (a literal in PCRE, an error in Java), POSIX classes.
 * Constructs with no faithful Java form make the pattern unevaluable rather than approximated;
 * only mistakes PCRE surely refuses (unbalanced parentheses or brackets, a quantifier with nothing
 * to repeat) are errors. Immutable.
 *
 * @param source the pattern as written
 * @param error why PCRE refuses it, or {@code null}
 * @param pattern the Java pattern, or {@code null} when refused or not translatable
 * @param names the named groups, by PCRE name, with their Java names
 */
public record Regex(String source, boolean caseless, String error, Pattern pattern, Map<String, String> names,
    int groups) {

  private static final Map<String, String> POSIX = Map.ofEntries(
      Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"),
      Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s\\x0B"),
      Map.entry("xdigit", "0-9A-Fa-f"), Map.entry("punct", "\\p{Punct}"), Map.entry("word", "\\w"),
      Map.entry("blank", " \\t"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("print", "\\p{Print}"),
      Map.entry("graph", "\\p{Graph}"));

  public static Regex compile(String source, boolean caseless) {
    StringBuilder out = new StringBuilder();
    Map<String, String> names = new LinkedHashMap<>();
    int depth = 0;
    int groups = 0;
    boolean untranslatable = false;
    boolean canRepeat = false;
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 >= n) {
            return refused(source, caseless, "\\ at end of pattern");
          }
          char e = source.charAt(i + 1);
          if (e == 'K' || e == 'g' || e == 'k' || e == 'X' || e == 'C' || e == 'N') {
            untranslatable = true;
          }
          out.append(c).append(e);
          i += 2;
          canRepeat = true;
          continue;
        }
        case '[' -> {
          int end = classEnd(source, i);
          if (end < 0) {
            return refused(source, caseless, "missing terminating ] for character class");
          }
          String cls = source.substring(i, end + 1);
          Matcher posix = Pattern.compile("\\[:(\\^?)([a-z]+):\\]").matcher(cls);
          StringBuilder t = new StringBuilder();
          int last = 0;
          while (posix.find()) {
            String rep = POSIX.get(posix.group(2));
            if (rep == null || !posix.group(1).isEmpty()) {
              untranslatable = true;
              rep = "";
            }
            t.append(cls, last, posix.start()).append(rep);
            last = posix.end();
          }
          t.append(cls.substring(last));
          // Java reads '[' and '&&' inside a class as nesting and intersection; PCRE as literals.
          String body = t.substring(1, t.length() - 1);
          String head = body.startsWith("^") ? "^" : "";
          body = body.substring(head.length());
          String first = body.startsWith("]") ? "\\]" : "";
          body = body.substring(first.isEmpty() ? 0 : 1).replace("[", "\\[").replace("&&", "&\\&");
          out.append('[').append(head).append(first).append(body).append(']');
          i = end + 1;
          canRepeat = true;
          continue;
        }
        case '(' -> {
          depth++;
          if (source.startsWith("(?<", i) && i + 3 < n && source.charAt(i + 3) != '=' && source.charAt(i + 3) != '!'
              || source.startsWith("(?P<", i) || source.startsWith("(?'", i)) {
            int nameStart = source.indexOf(source.startsWith("(?P<", i) ? '<' : source.charAt(i + 2), i) + 1;
            char close = source.charAt(nameStart - 1) == '\'' ? '\'' : '>';
            int nameEnd = source.indexOf(close, nameStart);
            if (nameEnd < 0) {
              return refused(source, caseless, "syntax error in subpattern name (missing terminator?)");
            }
            String name = source.substring(nameStart, nameEnd);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) {
              return refused(source, caseless, "subpattern name expected");
            }
            groups++;
            String javaName = "g" + groups + "x" + name.replace("_", "");
            names.put(name, javaName);
            out.append("(?<").append(javaName).append('>');
            i = nameEnd + 1;
          } else if (source.startsWith("(?", i)) {
            if (i + 2 < n && "R0123456789&|(P+-C".indexOf(source.charAt(i + 2)) >= 0
                && !source.startsWith("(?-", i)) {
              untranslatable = true;
            }
            out.append("(?");
            i += 2;
          } else if (source.startsWith("(*", i)) {
            untranslatable = true;
            out.append("(?:");
            i += 2;
          } else {
            groups++;
            out.append('(');
            i++;
          }
          canRepeat = false;
          continue;
        }
        case ')' -> {
          if (depth == 0) {
            return refused(source, caseless, "unmatched closing parenthesis");
          }
          depth--;
          out.append(c);
          i++;
          canRepeat = true;
          continue;
        }
        case '*', '+', '?' -> {
          if (!canRepeat) {
            boolean lazyOrPossessive = (c == '?' || c == '+') && i > 0 && "*+?}".indexOf(source.charAt(i - 1)) >= 0;
            if (!lazyOrPossessive) {
              return refused(source, caseless, "quantifier does not follow a repeatable item");
            }
          }
          out.append(c);
          i++;
          canRepeat = c != '?' && c != '+' ? false : false;
          continue;
        }
        case '{' -> {
          Matcher q = Pattern.compile("\\{(\\d+)(,(\\d*))?\\}").matcher(source).region(i, n);
          if (q.lookingAt()) {
            if (!canRepeat) {
              return refused(source, caseless, "quantifier does not follow a repeatable item");
            }
            out.append(q.group());
            i = q.end();
            canRepeat = false;
          } else {
            out.append("\\{");
            i++;
            canRepeat = true;
          }
          continue;
        }
        case '}' -> {
          out.append("\\}");
          i++;
          canRepeat = true;
          continue;
        }
        case '|' -> {
          out.append(c);
          i++;
          canRepeat = false;
          continue;
        }
        case '^', '$' -> {
          out.append(c);
          i++;
          canRepeat = false;
          continue;
        }
        default -> {
          out.append(c);
          i++;
          canRepeat = true;
        }
      }
    }
    if (depth > 0) {
      return refused(source, caseless, "missing closing parenthesis");
    }
    if (untranslatable) {
      return new Regex(source, caseless, null, null, names, groups);
    }
    try {
      Pattern p = Pattern.compile(out.toString(), caseless ? Pattern.CASE_INSENSITIVE : 0);
      return new Regex(source, caseless, null, p, names, p.matcher("").groupCount());
    } catch (PatternSyntaxException e) {
      // Java refuses something PCRE may accept: evaluate nothing, claim nothing.
      return new Regex(source, caseless, null, null, names, groups);
    }
  }

  private static Regex refused(String source, boolean caseless, String why) {
    return new Regex(source, caseless, why, null, Map.of(), 0);
  }

  /** The index of the {@code ]} that closes the class opened at {@code open}, or -1. */
  private static int classEnd(String s, int open) {
    int i = open + 1;
    if (i < s.length() && s.charAt(i) == '^') {
      i++;
    }
    if (i < s.length() && s.charAt(i) == ']') {
      i++;
    }
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
        int close = s.indexOf(":]", i + 2);
        if (close > 0) {
          i = close + 2;
          continue;
        }
      }
      if (c == ']') {
        return i;
      }
      i++;
    }
    return -1;
  }

  public boolean isRefused() {
    return error != null;
  }

  /** Whether the model can run it: accepted by PCRE and translated faithfully. */
  public boolean isEvaluable() {
    return pattern != null;
  }

  /** The captures of a match: index 0 the whole match, then the numbered groups; named ones by name. */
  public record Match(List<String> numbered, Map<String, String> named) {}

  /** Matches anywhere in {@code text} (PCRE's unanchored search), or empty. */
  public Optional<Match> find(String text) {
    if (pattern == null) {
      throw new IllegalStateException("not evaluable: " + source);
    }
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    List<String> numbered = new ArrayList<>();
    for (int g = 0; g <= m.groupCount(); g++) {
      numbered.add(m.group(g) == null ? "" : m.group(g));
    }
    Map<String, String> named = new LinkedHashMap<>();
    names.forEach((pcre, java) -> named.put(pcre, m.group(java) == null ? "" : m.group(java)));
    return Optional.of(new Match(numbered, named));
  }
}
