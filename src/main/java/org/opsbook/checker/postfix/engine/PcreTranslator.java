package org.opsbook.checker.postfix.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a PCRE2 pattern (8-bit, no UTF, as Postfix's dict_pcre compiles it) into an
 * equivalent java.util.regex pattern. Every literal is written as a hex escape so that Java's own
 * metacharacters ({@code &&}, nested {@code [}) never get a meaning PCRE does not give them;
 * extended mode and ungreedy mode are applied here because Java's {@code x} and {@code U} flags
 * mean something else. Constructs with no faithful Java equivalent (recursion, conditionals,
 * backtracking verbs, branch reset) are reported, never approximated.
 *
 * <p>Not thread-safe; one instance per translation.
 */
final class PcreTranslator extends PatternCursor {
  /** Unlimited repeat, or a length that varies. */
  private static final int VAR = -1;
  private static final int PCRE_MAX_REPEAT = 65535;
  private static final int MAX_GROUP_NUMBER = 65535;
  /**
   * A word boundary over ASCII word characters. Java's own {@code \b} (before JDK 19) counts any
   * Unicode letter, so it would see no boundary between "a" and the byte 0xC3 that PCRE2 sees.
   */
  static final String WORD_BOUNDARY = "(?:(?<=[a-zA-Z0-9_])(?![a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?=[a-zA-Z0-9_]))";
  static final String NOT_WORD_BOUNDARY = "(?:(?<=[a-zA-Z0-9_])(?=[a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?![a-zA-Z0-9_]))";

  private final boolean dollarEndOnly;
  private final boolean countOnly;
  private final int totalGroups;
  private final Map<String, Integer> names;
  private final StringBuilder out = new StringBuilder();
  private final Deque<Frame> frames = new ArrayDeque<>();
  private int groupCount;
  private boolean extended;
  private boolean ungreedy;
  private boolean multiline;

  /** What one open group remembers. */
  private static final class Frame {
    final int openOffset;
    final boolean lookbehind;
    final boolean lookaround;
    final boolean savedExtended;
    final boolean savedUngreedy;
    final boolean savedMultiline;
    final List<Integer> branchLengths = new ArrayList<>();
    int length;
    int lastAtomLength;
    int lastAtomOut = -1;
    boolean lastRepeatable;
    boolean lastQuantified;

    Frame(int openOffset, boolean lookbehind, boolean lookaround, boolean x, boolean u, boolean m) {
      this.openOffset = openOffset;
      this.lookbehind = lookbehind;
      this.lookaround = lookaround;
      this.savedExtended = x;
      this.savedUngreedy = u;
      this.savedMultiline = m;
    }
  }

  /** The outcome: a Java pattern text and its group count, or a problem. */
  record Result(String javaRegex, int groups, RegexProblem problem) {}

  private PcreTranslator(
      String src, boolean extended, boolean ungreedy, boolean multiline, boolean dollarEndOnly,
      boolean countOnly, int totalGroups, Map<String, Integer> names) {
    super(src);
    this.extended = extended;
    this.ungreedy = ungreedy;
    this.multiline = multiline;
    this.dollarEndOnly = dollarEndOnly;
    this.countOnly = countOnly;
    this.totalGroups = totalGroups;
    this.names = names;
  }

  /**
   * @param bytes the pattern as a byte string (see {@link Bytes})
   */
  static Result translate(String bytes, boolean extended, boolean ungreedy, boolean multiline, boolean dollarEndOnly) {
    Map<String, Integer> names = new LinkedHashMap<>();
    PcreTranslator counter = new PcreTranslator(bytes, extended, ungreedy, multiline, dollarEndOnly, true, 0, names);
    try {
      counter.run();
    } catch (TranslationStop s) {
      return new Result(null, 0, s.problem());
    }
    PcreTranslator emitter =
        new PcreTranslator(bytes, extended, ungreedy, multiline, dollarEndOnly, false, counter.groupCount, names);
    try {
      emitter.run();
    } catch (TranslationStop s) {
      return new Result(null, 0, s.problem());
    }
    return new Result(emitter.out.toString(), emitter.groupCount, null);
  }

  private void run() {
    frames.push(new Frame(0, false, false, extended, ungreedy, multiline));
    while (pos < src.length()) {
      step();
    }
    if (frames.size() > 1) {
      throw reject(frames.peek().openOffset, "missing closing parenthesis: this ( is never closed");
    }
    finishBranch(frames.peek());
  }

  private void step() {
    char c = src.charAt(pos);
    if (extended && (isSpace(c))) {
      pos++;
      return;
    }
    if (extended && c == '#') {
      while (pos < src.length() && src.charAt(pos) != '\n') {
        pos++;
      }
      return;
    }
    switch (c) {
      case '\\' -> escape();
      case '[' -> {
        // pcre2pattern(3): [[:<:]] and [[:>:]] are the start and end of a word, as in BSD.
        if (src.startsWith("[[:<:]]", pos) || src.startsWith("[[:>:]]", pos)) {
          // PCRE2 rewrites them as \b(?=\w) and \b(?<=\w), so a quantifier after one repeats only
          // the lookaround: [[:>:]]? is a plain \b.
          boolean start = src.charAt(pos + 3) == '<';
          out.append(WORD_BOUNDARY);
          atom(start ? "(?=[a-zA-Z0-9_])" : "(?<=[a-zA-Z0-9_])", 0, true);
          pos += 7;
        } else {
          atom(PcreClassTranslator.translate(this), 1, true);
        }
      }
      case '(' -> openGroup();
      case ')' -> closeGroup();
      case '|' -> {
        Frame f = frames.peek();
        finishBranch(f);
        out.append('|');
        pos++;
        f.lastRepeatable = false;
        f.lastQuantified = false;
      }
      case '*', '+', '?' -> quantifier(c == '*' ? 0 : c == '+' ? 1 : 0, c == '?' ? 1 : VAR, pos + 1);
      case '{' -> {
        int[] q = parseBraces(pos);
        if (q == null) {
          atom("\\{", 1, true);
          pos++;
        } else {
          quantifier(q[0], q[1], q[2]);
        }
      }
      case '^' -> {
        // Java's multi-line ^ never matches at the end of the input, not even of an empty one;
        // PCRE2's matches at the start of the subject whatever follows.
        atom(multiline ? "(?:\\A|^)" : "^", 0, false);
        pos++;
      }
      case '$' -> {
        // pcre_table(5) E flag: DOLLAR_ENDONLY, ignored when MULTILINE is on.
        atom(dollarEndOnly && !multiline ? "\\z" : "$", 0, false);
        pos++;
      }
      case '.' -> {
        atom(".", 1, true);
        pos++;
      }
      default -> {
        atom(literal(c), 1, true);
        pos++;
      }
    }
  }

  // ---- atoms and quantifiers

  private void atom(String java, int length, boolean repeatable) {
    Frame f = frames.peek();
    f.lastAtomOut = out.length();
    out.append(java);
    f.lastAtomLength = length;
    f.length = add(f.length, length);
    f.lastRepeatable = repeatable;
    f.lastQuantified = false;
  }

  private void quantifier(int min, int max, int next) {
    Frame f = frames.peek();
    if (!f.lastRepeatable || f.lastQuantified) {
      throw reject(pos, "quantifier does not follow a repeatable item");
    }
    String q;
    if (src.charAt(pos) == '{') {
      q = src.substring(pos, next);
    } else {
      q = String.valueOf(src.charAt(pos));
    }
    pos = next;
    skipExtendedSpace();
    String mode = "";
    if (pos < src.length() && src.charAt(pos) == '+') {
      mode = "+";
      pos++;
    } else if (pos < src.length() && src.charAt(pos) == '?') {
      mode = ungreedy ? "" : "?";
      pos++;
    } else if (ungreedy) {
      mode = "?";
    }
    if (min == max) {
      f.length = f.lastAtomLength == VAR || f.length == VAR ? VAR : f.length + f.lastAtomLength * (min - 1);
    } else {
      f.length = VAR;
    }
    out.append(q).append(mode);
    f.lastQuantified = true;
  }

  /** In extended mode, whitespace and comments between a quantifier and its + or ? are ignored. */
  private void skipExtendedSpace() {
    while (extended && pos < src.length()) {
      char c = src.charAt(pos);
      if (isSpace(c)) {
        pos++;
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  /** {@code {n}}, {@code {n,}}, {@code {n,m}} at {@code at}: min, max, end offset; null if literal. */
  private int[] parseBraces(int at) {
    int i = at + 1;
    int startDigits = i;
    while (i < src.length() && isDigit(src.charAt(i))) {
      i++;
    }
    if (i == startDigits || i >= src.length()) {
      return null; // PCRE2 10.42: "{,n}" and "{x" are literal text
    }
    int min = number(startDigits, i, at);
    int max;
    if (src.charAt(i) == '}') {
      max = min;
    } else if (src.charAt(i) == ',') {
      i++;
      int s2 = i;
      while (i < src.length() && isDigit(src.charAt(i))) {
        i++;
      }
      if (i >= src.length() || src.charAt(i) != '}') {
        return null;
      }
      max = s2 == i ? VAR : number(s2, i, at);
      if (max != VAR && max < min) {
        throw reject(i, "numbers out of order in {} quantifier");
      }
    } else {
      return null;
    }
    return new int[] {min, max, i + 1};
  }

  private int number(int from, int to, int at) {
    if (to - from > 5 || Integer.parseInt(src.substring(from, to)) > PCRE_MAX_REPEAT) {
      throw reject(at, "number too big in {} quantifier");
    }
    return Integer.parseInt(src.substring(from, to));
  }

  // ---- groups

  private void openGroup() {
    int open = pos;
    if (pos + 1 < src.length() && src.charAt(pos + 1) == '*') {
      throw unsupported(open, "backtracking control verbs and (*...) options are not supported by this model");
    }
    if (pos + 1 >= src.length() || src.charAt(pos + 1) != '?') {
      pos++;
      pushGroup(open, "(", false, false);
      groupCount++;
      return;
    }
    int i = pos + 2;
    if (i >= src.length()) {
      throw reject(pos, "unrecognized character after (? or (?-");
    }
    char k = src.charAt(i);
    switch (k) {
      case '#' -> {
        int end = src.indexOf(')', i);
        if (end < 0) {
          throw reject(open, "missing ) after (?# comment");
        }
        pos = end + 1;
      }
      case ':' -> pushAt(open, i + 1, "(?:", false, false);
      case '=' -> pushAt(open, i + 1, "(?=", false, true);
      case '!' -> pushAt(open, i + 1, "(?!", false, true);
      case '>' -> pushAt(open, i + 1, "(?>", false, false);
      case '|' -> throw unsupported(open, "branch reset groups (?|...) are not supported by this model");
      case '(' -> throw unsupported(open, "conditional groups (?(...)...) are not supported by this model");
      case 'R', '&', '+' -> throw unsupported(open, "recursion and subroutine calls are not supported by this model");
      case 'C' -> throw unsupported(open, "callouts (?C...) are not supported by this model");
      case '<' -> {
        if (i + 1 < src.length() && (src.charAt(i + 1) == '=' || src.charAt(i + 1) == '!')) {
          pushAt(open, i + 2, "(?<" + src.charAt(i + 1), true, true);
        } else {
          namedGroup(open, i + 1, '>');
        }
      }
      case '\'' -> namedGroup(open, i + 1, '\'');
      case 'P' -> {
        if (i + 1 < src.length() && src.charAt(i + 1) == '<') {
          namedGroup(open, i + 2, '>');
        } else if (i + 1 < src.length() && src.charAt(i + 1) == '=') {
          int end = src.indexOf(')', i);
          if (end < 0) {
            throw reject(open, "syntax error in subpattern name (missing terminator?)");
          }
          backrefByName(src.substring(i + 2, end), open);
          pos = end + 1;
        } else {
          throw unsupported(open, "recursion and subroutine calls are not supported by this model");
        }
      }
      default -> {
        if (isDigit(k) || k == '-' && i + 1 < src.length() && isDigit(src.charAt(i + 1))) {
          throw unsupported(open, "recursion and subroutine calls are not supported by this model");
        }
        inlineFlags(open, i);
      }
    }
  }

  private void namedGroup(int open, int nameStart, char terminator) {
    int end = nameStart;
    while (end < src.length() && isWordChar(src.charAt(end))) {
      end++;
    }
    if (end == nameStart || end >= src.length() || src.charAt(end) != terminator || isDigit(src.charAt(nameStart))) {
      throw reject(open, "syntax error in subpattern name (missing terminator?)");
    }
    if (end - nameStart > 32) {
      throw reject(open, "subpattern name is too long (maximum 32 code units)");
    }
    String name = src.substring(nameStart, end);
    groupCount++;
    if (countOnly) {
      if (names.containsKey(name)) {
        throw reject(end + 1, "two named subpatterns have the same name (PCRE2_DUPNAMES not set)");
      }
      names.put(name, groupCount);
    }
    pos = end + 1;
    // Named groups are numbered like plain ones in both engines; Java's name rules are stricter.
    pushGroup(open, "(", false, false);
  }

  private void inlineFlags(int open, int i) {
    boolean on = true;
    boolean x = extended;
    boolean u = ungreedy;
    boolean m = multiline;
    StringBuilder javaOn = new StringBuilder();
    StringBuilder javaOff = new StringBuilder();
    while (i < src.length() && src.charAt(i) != ')' && src.charAt(i) != ':') {
      char f = src.charAt(i);
      switch (f) {
        case '-' -> {
          if (!on) {
            throw reject(i, "unrecognized character after (? or (?-");
          }
          on = false;
        }
        case 'i', 's' -> (on ? javaOn : javaOff).append(f);
        case 'm' -> {
          (on ? javaOn : javaOff).append(f);
          m = on;
        }
        case 'x' -> x = on;
        case 'U' -> u = on;
        case 'n', 'J', '^' -> throw unsupported(open, "the inline option (?" + f + ") is not supported by this model");
        default -> throw reject(i, "unrecognized character after (? or (?-");
      }
      i++;
    }
    if (i >= src.length()) {
      throw reject(open, "missing closing parenthesis: this ( is never closed");
    }
    String flags = javaOn + (javaOff.length() > 0 ? "-" + javaOff : "");
    if (src.charAt(i) == ')') {
      // (?flags) lasts to the end of the enclosing group, as in Java.
      if (!flags.isEmpty()) {
        out.append("(?").append(flags).append(')');
      }
      extended = x;
      ungreedy = u;
      multiline = m;
      pos = i + 1;
      frames.peek().lastRepeatable = false; // PCRE2: an option setting cannot be repeated
      return;
    }
    pos = i + 1;
    pushGroup(open, "(?" + flags + ":", false, false);
    extended = x;
    ungreedy = u;
    multiline = m;
  }

  private void pushAt(int open, int next, String java, boolean lookbehind, boolean lookaround) {
    pos = next;
    pushGroup(open, java, lookbehind, lookaround);
  }

  private void pushGroup(int open, String java, boolean lookbehind, boolean lookaround) {
    Frame parent = frames.peek();
    parent.lastAtomOut = out.length();
    out.append(java);
    frames.push(new Frame(open, lookbehind, lookaround, extended, ungreedy, multiline));
  }

  private void closeGroup() {
    if (frames.size() == 1) {
      throw reject(pos, "unmatched closing parenthesis");
    }
    Frame f = frames.pop();
    finishBranch(f);
    int length = f.branchLengths.get(0);
    for (int l : f.branchLengths) {
      if (l != length) {
        length = VAR;
      }
    }
    if (f.lookbehind) {
      for (int l : f.branchLengths) {
        if (l == VAR) {
          throw reject(f.openOffset, "lookbehind assertion is not fixed length");
        }
      }
    }
    extended = f.savedExtended;
    ungreedy = f.savedUngreedy;
    multiline = f.savedMultiline;
    out.append(')');
    pos++;
    Frame parent = frames.peek();
    int atomLength = f.lookaround ? 0 : length;
    parent.lastAtomLength = atomLength;
    parent.length = add(parent.length, atomLength);
    parent.lastRepeatable = true;
    parent.lastQuantified = false;
  }

  private void finishBranch(Frame f) {
    f.branchLengths.add(f.length);
    f.length = 0;
  }

  // ---- escapes

  private void escape() {
    int at = pos;
    if (pos + 1 >= src.length()) {
      throw reject(at, "\\ at end of pattern");
    }
    char e = src.charAt(pos + 1);
    pos += 2;
    if (isDigit(e)) {
      numericEscape(at, e);
      return;
    }
    switch (e) {
      case 'a' -> atom(hex(0x07), 1, true);
      case 'e' -> atom(hex(0x1b), 1, true);
      case 'f' -> atom(hex(0x0c), 1, true);
      case 'n' -> atom(hex(0x0a), 1, true);
      case 'r' -> atom(hex(0x0d), 1, true);
      case 't' -> atom(hex(0x09), 1, true);
      case 'x' -> atom(hex(hexEscape(at)), 1, true);
      case 'o' -> atom(hex(octalBraces(at)), 1, true);
      case 'c' -> atom(hex(control(at)), 1, true);
      case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V' -> atom("\\" + e, 1, true);
      // PCRE2: these assertions cannot be repeated ("quantifier does not follow a repeatable item").
      case 'b' -> atom(WORD_BOUNDARY, 0, false);
      case 'B' -> atom(NOT_WORD_BOUNDARY, 0, false);
      case 'A', 'z', 'Z', 'G' -> atom("\\" + e, 0, false);
      case 'K' -> {
        // \K moves the reported match start; Postfix never uses the whole match ($0 is refused),
        // and captures are unaffected, so dropping it changes nothing Postfix can show. It
        // cannot be repeated.
        frames.peek().lastRepeatable = false;
      }
      case 'R' -> atom("(?>\\x0d\\x0a|[\\x0a-\\x0d\\x85])", VAR, true);
      case 'N' -> {
        if (pos < src.length() && src.charAt(pos) == '{' && parseBraces(pos) == null) {
          throw reject(at, "PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u");
        }
        atom("[^\\x0a]", 1, true);
      }
      case 'C' -> atom("[\\x00-\\xff]", 1, true);
      case 'X' -> throw unsupported(at, "\\X (extended grapheme cluster) is not supported by this model");
      case 'p', 'P' -> atom(property(at, e), 1, true);
      case 'Q' -> quoted();
      case 'E' -> {
        // a lone \E is ignored
      }
      case 'g' -> gReference(at);
      case 'k' -> kReference(at);
      case 'F', 'L', 'l', 'U', 'u' -> throw reject(at + 1, "PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u");
      default -> {
        if (isAsciiAlnum(e)) {
          throw reject(at + 1, "unrecognized character follows \\");
        }
        atom(literal(e), 1, true);
      }
    }
  }

  private void numericEscape(int at, char first) {
    if (first == '0') {
      int v = 0;
      int n = 0;
      while (n < 2 && pos < src.length() && isOctal(src.charAt(pos))) {
        v = v * 8 + (src.charAt(pos++) - '0');
        n++;
      }
      atom(hex(v), 1, true);
      return;
    }
    int i = at + 1;
    while (i < src.length() && isDigit(src.charAt(i))) {
      i++;
    }
    String digits = src.substring(at + 1, i);
    int n = digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    // pcre2pattern(3): \1-\9 are always back references; larger numbers are back references when
    // that many groups exist, otherwise octal (up to three octal digits) when the digits allow.
    if (n < 10 || n <= totalGroups || countOnly) {
      if (!countOnly && n <= totalGroups) {
        pos = i;
        backref(n);
        return;
      }
      if (n < 10) {
        if (countOnly) {
          pos = i;
          backref(n);
          return;
        }
        throw reject(i, "reference to non-existent subpattern");
      }
    }
    if (first == '8' || first == '9') {
      throw reject(i, "reference to non-existent subpattern");
    }
    int v = 0;
    int k = at + 1;
    int count = 0;
    while (count < 3 && k < src.length() && isOctal(src.charAt(k))) {
      v = v * 8 + (src.charAt(k++) - '0');
      count++;
    }
    if (v > 0xff) {
      throw reject(at, "octal value is greater than \\377 in 8-bit non-UTF-8 mode");
    }
    pos = k;
    atom(hex(v), 1, true);
  }

  private void backref(int n) {
    // Wrapped so that a following digit is never read as part of the group number by Java.
    atom("(?:\\" + n + ")", VAR, true);
  }

  private void backrefByName(String name, int at) {
    Integer n = names.get(name);
    if (n == null) {
      if (countOnly) {
        atom("", VAR, true);
        return;
      }
      throw reject(at, "reference to non-existent subpattern");
    }
    backref(n);
  }

  private void gReference(int at) {
    if (pos >= src.length()) {
      throw reject(at, "a numbered reference must not be zero");
    }
    char c = src.charAt(pos);
    if (c == '<' || c == '\'') {
      throw unsupported(at, "subroutine calls (\\g<...>) are not supported by this model");
    }
    String ref;
    if (c == '{') {
      int end = src.indexOf('}', pos);
      if (end < 0) {
        throw reject(at, "\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number");
      }
      ref = src.substring(pos + 1, end);
      pos = end + 1;
    } else {
      int i = pos;
      if (i < src.length() && (src.charAt(i) == '-' || src.charAt(i) == '+')) {
        i++;
      }
      while (i < src.length() && isDigit(src.charAt(i))) {
        i++;
      }
      ref = src.substring(pos, i);
      pos = i;
    }
    if (ref.matches("[+-]?[0-9]+")) {
      String digits = ref.charAt(0) == '+' || ref.charAt(0) == '-' ? ref.substring(1) : ref;
      // pcre2_compile.c: group numbers above MAX_GROUP_NUMBER (65535) are "too big", however long.
      long value = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
      if (value > MAX_GROUP_NUMBER) {
        throw reject(at, "subpattern number is too big");
      }
      int n = (int) value;
      if (n == 0 && digits.length() < ref.length()) {
        throw reject(at, "a relative value of zero is not allowed");
      }
      if (ref.startsWith("-")) {
        n = groupCount + 1 - n;
      } else if (ref.startsWith("+")) {
        n = groupCount + n; // a relative forward reference: the n-th group after this point
      }
      if (n <= 0) {
        throw reject(at, "a numbered reference must not be zero");
      }
      if (!countOnly && n > totalGroups) {
        throw reject(at, "reference to non-existent subpattern");
      }
      backref(n);
    } else if (!ref.isEmpty() && ref.chars().allMatch(ch -> isWordChar((char) ch))) {
      backrefByName(ref, at);
    } else {
      throw reject(at, "\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number");
    }
  }

  private void kReference(int at) {
    if (pos >= src.length() || "<'{".indexOf(src.charAt(pos)) < 0) {
      throw reject(at, "\\k is not followed by a braced, angle-bracketed, or quoted name");
    }
    char close = src.charAt(pos) == '<' ? '>' : src.charAt(pos) == '{' ? '}' : '\'';
    int end = src.indexOf(close, pos + 1);
    if (end < 0) {
      throw reject(at, "\\k is not followed by a braced, angle-bracketed, or quoted name");
    }
    String name = src.substring(pos + 1, end);
    pos = end + 1;
    backrefByName(name, at);
  }

  private void quoted() {
    while (pos < src.length()) {
      if (src.startsWith("\\E", pos)) {
        pos += 2;
        return;
      }
      atom(literal(src.charAt(pos)), 1, true);
      pos++;
    }
  }

  // ---- helpers

  private static int add(int a, int b) {
    return a == VAR || b == VAR ? VAR : a + b;
  }
}
