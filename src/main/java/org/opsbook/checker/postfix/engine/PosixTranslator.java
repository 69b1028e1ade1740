package org.opsbook.checker.postfix.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates a POSIX regular expression, as the GNU C library's regcomp() reads it for Postfix's
 * dict_regexp (extended syntax unless the {@code x} flag turns it off, C locale, bytes), into a
 * java.util.regex pattern. The differences that matter are handled here: a backslash is literal
 * inside brackets, {@code $} matches only at the very end unless {@code m} is set, {@code .} and
 * negated brackets match a newline unless {@code m} is set, repeated quantifiers stack, and
 * glibc's GNU escapes ({@code \w \s \b \< \>}) keep their meaning. Leftmost-longest matching is
 * the matcher's job (see {@link CompiledRegex#longest()}).
 *
 * <p>Not thread-safe; one instance per translation.
 */
final class PosixTranslator {
  private static final int RE_DUP_MAX = 0x7fff;

  private final String src;
  private final boolean extendedSyntax;
  private final boolean icase;
  private final boolean newline;
  private final StringBuilder out = new StringBuilder();
  private final List<Integer> openGroups = new ArrayList<>();
  private final List<Integer> closedGroups = new ArrayList<>();
  private final List<RegexProblem> notes = new ArrayList<>();
  /** How many groups regexec() is asked to report (Postfix's nmatch), 0 for none (REG_NOSUB). */
  private final int reportedGroups;
  private int pos;
  private int groups;
  private int lastAtomOut = -1;
  private boolean lastQuantified;
  /** Whether a quantifier here would have nothing to repeat (start, after ( or |). */
  private boolean atStart = true;

  record Result(String javaRegex, int groups, java.util.Set<Integer> repeatedGroups, List<RegexProblem> notes,
      RegexProblem problem) {}

  /** Groups that are repeated or sit inside a repeated group; glibc assigns their $n its own way. */
  private final java.util.Set<Integer> repeatedGroups = new java.util.TreeSet<>();
  /** Number of the group just closed, and the highest group number inside it. */
  private int lastGroupFirst;
  private int lastGroupLast;

  private PosixTranslator(String src, boolean extendedSyntax, boolean icase, boolean newline, int reportedGroups) {
    this.src = src;
    this.reportedGroups = reportedGroups;
    this.extendedSyntax = extendedSyntax;
    this.icase = icase;
    this.newline = newline;
  }

  static Result translate(String bytes, boolean extendedSyntax, boolean icase, boolean newline) {
    return translate(bytes, extendedSyntax, icase, newline, 0);
  }

  /**
   * @param reportedGroups the nmatch Postfix passes to regexec(): the largest $n plus one, or 0
   */
  static Result translate(String bytes, boolean extendedSyntax, boolean icase, boolean newline, int reportedGroups) {
    PosixTranslator t = new PosixTranslator(bytes, extendedSyntax, icase, newline, reportedGroups);
    try {
      t.run();
    } catch (TranslationStop s) {
      return new Result(null, 0, java.util.Set.of(), List.of(), s.problem());
    }
    return new Result(t.out.toString(), t.groups, t.repeatedGroups, t.notes, null);
  }

  private void run() {
    while (pos < src.length()) {
      if (extendedSyntax) {
        stepExtended();
      } else {
        stepBasic();
      }
    }
    if (!openGroups.isEmpty()) {
      throw new TranslationStop(new RegexProblem(true, openGroups.get(openGroups.size() - 1), "Unmatched ( or \\("));
    }
  }

  private void stepExtended() {
    char c = src.charAt(pos);
    switch (c) {
      case '(' -> open(pos, 1);
      case ')' -> {
        if (openGroups.isEmpty()) {
          atom(lit(')'));
          pos++;
        } else {
          close(1);
        }
      }
      case '|' -> alternation(1);
      case '*', '+', '?' -> {
        if (atStart) {
          throw reject(pos, "Invalid preceding regular expression");
        }
        quantify(String.valueOf(c), 1);
      }
      case '{' -> {
        if (atStart) {
          throw reject(pos, "Invalid preceding regular expression");
        }
        interval(1);
      }
      default -> common(c);
    }
  }

  private void stepBasic() {
    char c = src.charAt(pos);
    if (c == '\\' && pos + 1 < src.length()) {
      char e = src.charAt(pos + 1);
      switch (e) {
        case '(' -> {
          open(pos, 2);
          return;
        }
        case ')' -> {
          if (openGroups.isEmpty()) {
            throw reject(pos, "Unmatched ) or \\)");
          }
          close(2);
          return;
        }
        case '|' -> {
          alternation(2);
          return;
        }
        case '{' -> {
          if (atStart) {
            throw reject(pos, "Invalid preceding regular expression");
          }
          interval(2);
          return;
        }
        case '+', '?' -> {
          if (atStart) {
            atom(lit(e));
            pos += 2;
          } else {
            quantify(String.valueOf(e), 2);
          }
          return;
        }
        default -> {
          // handled below
        }
      }
    }
    if (c == '*') {
      if (atStart) {
        atom(lit('*')); // a leading * is literal in a basic expression
        pos++;
      } else {
        quantify("*", 1);
      }
      return;
    }
    if (c == '^' && !atStart) {
      atom(lit('^')); // only an anchor at the start of a basic expression
      pos++;
      return;
    }
    if (c == '$' && !atBasicEnd(pos + 1)) {
      atom(lit('$'));
      pos++;
      return;
    }
    if ("+?{}|()".indexOf(c) >= 0) {
      atom(lit(c));
      pos++;
      return;
    }
    common(c);
  }

  private boolean atBasicEnd(int next) {
    return next >= src.length() || src.startsWith("\\)", next) || src.startsWith("\\|", next);
  }

  /** What both syntaxes share: anchors, dot, brackets, escapes, literals. */
  private void common(char c) {
    switch (c) {
      case '^' -> {
        // regcomp(3): with REG_NEWLINE, ^ also matches right after any newline.
        emitAnchor(newline ? "(?:(?<![\\x00-\\xff])|(?<=\\x0a))" : "(?<![\\x00-\\xff])");
        pos++;
      }
      case '$' -> {
        // Without REG_NEWLINE, $ matches only at the end of the string (not before a final newline).
        emitAnchor(newline ? "(?=\\x0a|(?![\\x00-\\xff]))" : "(?![\\x00-\\xff])");
        pos++;
      }
      case '.' -> {
        atom(newline ? "[^\\x0a]" : "[\\x00-\\xff]");
        pos++;
      }
      case '[' -> bracket();
      case '\\' -> escape();
      default -> {
        atom(lit(c));
        pos++;
      }
    }
  }

  private void emitAnchor(String java) {
    afterAssertion = false;
    out.append(java);
    lastAtomOut = -1;
    // glibc: "^*" is an error in ERE; after an anchor a quantifier has nothing to repeat.
    atStart = extendedSyntax;
    lastQuantified = false;
  }

  private void escape() {
    int at = pos;
    if (pos + 1 >= src.length()) {
      throw reject(at, "Trailing backslash");
    }
    char e = src.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case 'w' -> atom("[a-zA-Z0-9_]");
      case 'W' -> atom("[^a-zA-Z0-9_]");
      case 's' -> atom("[\\x09-\\x0d\\x20]");
      case 'S' -> atom("[^\\x09-\\x0d\\x20]");
      case 'b' -> emitAssertion(PcreTranslator.WORD_BOUNDARY);
      case 'B' -> emitAssertion(PcreTranslator.NOT_WORD_BOUNDARY);
      case '<' -> emitAssertion("(?<![a-zA-Z0-9_])(?=[a-zA-Z0-9_])");
      case '>' -> emitAssertion("(?<=[a-zA-Z0-9_])(?![a-zA-Z0-9_])");
      case '`' -> emitAssertion("(?<![\\x00-\\xff])");
      case '\'' -> emitAssertion("(?![\\x00-\\xff])");
      default -> {
        if (e >= '1' && e <= '9') {
          int n = e - '0';
          if (!closedGroups.contains(n)) {
            throw reject(at, "Invalid back reference");
          }
          if (reportedGroups > 0 && n >= reportedGroups) {
            // Measured with glibc 2.36: when regexec() is asked for fewer groups than a
            // back-reference names, that back-reference never matches: ^(a)(b)\2 with $1 in the
            // result (nmatch 2) does not match "abb", ^(a)(b)\2? does match "ab"; with $2, or
            // with no $n at all (REG_NOSUB), both match.
            atom("(?:(?!))");
          } else {
            atom("(?:\\" + n + ")");
          }
        } else if (icase && e >= 'a' && e <= 'z') {
          // Measured with glibc: under REG_ICASE an escaped lower-case letter with no special
          // meaning matches nothing at all (without the i flag it is the plain letter).
          notes.add(new RegexProblem(false, at, "\\" + e + " has no special meaning in a POSIX regular expression,"
              + " and with case-insensitive matching (the default) glibc's regcomp makes it match nothing"));
          atom("(?!)");
        } else {
          atom(lit(e));
        }
      }
    }
  }

  private void emitAssertion(String java) {
    groupsWithAssertion.replaceAll(x -> true);
    out.append(java);
    lastAtomOut = -1;
    atStart = false;
    lastQuantified = true; // a quantifier after an assertion has nothing to repeat in Java
    afterAssertion = true;
  }

  /** Whether the last item was a GNU anchor (\` \' \< \> \b \B). */
  private boolean afterAssertion;

  private void bracket() {
    int open = pos;
    pos++;
    StringBuilder cls = new StringBuilder("[");
    boolean negate = false;
    if (pos < src.length() && src.charAt(pos) == '^') {
      negate = true;
      cls.append('^');
      pos++;
    }
    if (negate && newline) {
      cls.append("\\x0a"); // REG_NEWLINE: a non-matching list never matches a newline
    }
    boolean first = true;
    while (true) {
      if (pos >= src.length()) {
        throw reject(open, "Unmatched [, [^, [:, [., or [=");
      }
      char c = src.charAt(pos);
      if (c == ']' && !first) {
        pos++;
        break;
      }
      first = false;
      int low;
      if (c == '[' && pos + 1 < src.length() && ":.=".indexOf(src.charAt(pos + 1)) >= 0) {
        char kind = src.charAt(pos + 1);
        int end = src.indexOf(kind + "]", pos + 2);
        if (end < 0) {
          throw reject(open, "Unmatched [, [^, [:, [., or [=");
        }
        String name = src.substring(pos + 2, end);
        pos = end + 2;
        if (kind == ':') {
          cls.append(posixClass(name, open));
          continue;
        }
        if (name.length() != 1) {
          throw reject(open, "Invalid collation character");
        }
        low = name.charAt(0);
      } else {
        low = c; // a backslash is an ordinary character inside brackets
        pos++;
      }
      if (pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
        pos++;
        int high;
        if (src.charAt(pos) == '[' && pos + 1 < src.length() && ".=".indexOf(src.charAt(pos + 1)) >= 0) {
          int end = src.indexOf(src.charAt(pos + 1) + "]", pos + 2);
          if (end < 0 || end != pos + 3) {
            throw reject(open, "Invalid range end");
          }
          high = src.charAt(pos + 2);
          pos = end + 2;
        } else {
          high = src.charAt(pos);
          pos++;
        }
        if (high < low) {
          throw reject(open, "Invalid range end");
        }
        cls.append(PcreTranslator.hex(low)).append('-').append(PcreTranslator.hex(high));
      } else {
        cls.append(PcreTranslator.hex(low));
      }
    }
    cls.append(']');
    atom(cls.toString());
  }

  private String posixClass(String name, int at) {
    return PosixClassNames.ranges(name, false).orElseThrow(() -> reject(at, "Invalid character class name"));
  }

  private void open(int at, int width) {
    afterAssertion = false;
    groups++;
    openGroups.add(at);
    out.append('(');
    pos += width;
    atStart = true;
    lastAtomOut = -1;
    lastQuantified = false;
    groupStarts.add(out.length() - 1);
    groupsWithAssertion.add(false);
    groupNumbers.add(groups);
  }

  private final List<Integer> groupStarts = new ArrayList<>();
  private final List<Boolean> groupsWithAssertion = new ArrayList<>();
  /** Whether the atom just closed is a group holding a word or buffer anchor. */
  private boolean lastGroupHasAssertion;
  private final List<Integer> groupNumbers = new ArrayList<>();

  private void close(int width) {
    afterAssertion = false;
    openGroups.remove(openGroups.size() - 1);
    int start = groupStarts.remove(groupStarts.size() - 1);
    lastGroupFirst = groupNumbers.remove(groupNumbers.size() - 1);
    lastGroupLast = groups;
    closedGroups.add(lastGroupFirst);
    lastGroupHasAssertion = groupsWithAssertion.remove(groupsWithAssertion.size() - 1);
    out.append(')');
    pos += width;
    lastAtomOut = start;
    lastAtomIsGroup = true;
    atStart = false;
    lastQuantified = false;
  }

  private void alternation(int width) {
    afterAssertion = false;
    out.append('|');
    pos += width;
    atStart = true;
    lastAtomOut = -1;
    lastQuantified = false;
  }

  private void quantify(String q, int width) {
    if (afterAssertion) {
      // Measured with glibc 2.36: a repeated \` never matches (/^\`*/ fails on "a"), so a repeat
      // of an anchor is not the harmless no-op it is elsewhere.
      throw new TranslationStop(new RegexProblem(false, pos,
          "a repeated anchor (\\` \\' \\< \\> \\b \\B) is matched by glibc in a way this model cannot reproduce"));
    }
    if (lastAtomOut < 0) {
      // after an assertion: glibc accepts and the repeat is harmless; keep the assertion as is
      pos += width;
      return;
    }
    if (lastGroupHasAssertion) {
      // Measured: glibc's matcher gives up on some inputs when a repeated group holds \< \> \b
      // or \B (e.g. ^(.+a|\<x){,2}\> does not match "b-a."); Java does not, so refuse.
      throw new TranslationStop(new RegexProblem(false, pos,
          "a repeated group that contains a word anchor (\\< \\> \\b \\B) is matched by glibc in a way this"
              + " model cannot reproduce"));
    }
    if (lastQuantified && SIMPLE.contains(lastQuantifier) && SIMPLE.contains(q)) {
      // glibc stacks repeats ("a**", "a+?"); two of * + ? together are one of them (a** is a*).
      // Nesting them instead, (?:(?:a*)*)*, would make Java backtrack exponentially.
      out.setLength(out.length() - lastQuantifier.length());
      q = stack(lastQuantifier, q);
    } else if (lastQuantified) {
      // Other stacked repeats ("a{2}*"): wrap what was repeated so Java does not read a
      // possessive or lazy modifier.
      out.insert(lastAtomOut, "(?:");
      out.append(')');
    }
    lastQuantifier = q;
    // "?" and "{0,1}" give at most one iteration, so there is no choice between iterations.
    boolean repeats = !(q.equals("?") || q.matches("\\{[01](,[01])?}"));
    if (lastAtomIsGroup && repeats) {
      for (int g = lastGroupFirst; g <= lastGroupLast; g++) {
        repeatedGroups.add(g);
      }
    }
    out.append(q);
    pos += width;
    lastQuantified = true;
  }

  private static final java.util.Set<String> SIMPLE = java.util.Set.of("*", "+", "?");
  /** The quantifier just written, when the last item is quantified. */
  private String lastQuantifier = "";

  /** Two of * + ? applied in turn, as one: at least once only if both demand it, at most once only if both allow no more. */
  private static String stack(String inner, String outer) {
    boolean once = inner.equals("+") && outer.equals("+");
    boolean atMostOnce = inner.equals("?") && outer.equals("?");
    return once ? "+" : atMostOnce ? "?" : "*";
  }

  private void interval(int width) {
    int at = pos;
    int i = pos + width;
    int close = extendedSyntax ? src.indexOf('}', i) : src.indexOf("\\}", i);
    if (close < 0) {
      throw reject(at, "Unmatched \\{");
    }
    String body = src.substring(i, close);
    if (!body.matches("[0-9]*(,[0-9]*)?") || body.isEmpty() || body.equals(",")) {
      throw reject(at, "Invalid content of \\{\\}");
    }
    String[] parts = body.split(",", -1);
    int min = parts[0].isEmpty() ? 0 : parse(parts[0], at);
    int max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : parse(parts[1], at);
    if (max >= 0 && max < min) {
      throw reject(at, "Invalid content of \\{\\}");
    }
    String q = "{" + min + (parts.length == 1 ? "" : "," + (max < 0 ? "" : String.valueOf(max))) + "}";
    int end = close + (extendedSyntax ? 1 : 2);
    quantify(q, end - pos);
  }

  private int parse(String digits, int at) {
    if (digits.length() > 5 || Integer.parseInt(digits) > RE_DUP_MAX) {
      throw reject(at, "Regular expression too big");
    }
    return Integer.parseInt(digits);
  }

  private boolean lastAtomIsGroup;

  private void atom(String java) {
    afterAssertion = false;
    lastAtomIsGroup = false;
    lastGroupHasAssertion = false;
    lastAtomOut = out.length();
    out.append(java);
    atStart = false;
    lastQuantified = false;
  }

  private static String lit(char c) {
    boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return plain ? String.valueOf(c) : PcreTranslator.hex(c);
  }

  private TranslationStop reject(int offset, String message) {
    return new TranslationStop(new RegexProblem(true, Math.min(offset, src.length()), message));
  }
}
