package org.opsbook.checker.vcl.regex;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a pattern in PCRE2's syntax (10.42, 8-bit, no UTF, default options, as Varnish compiles
 * VCL regexes) and writes the java.util.regex pattern that matches the same byte strings, each
 * byte standing as a char from U+0000 to U+00FF. Errors carry PCRE2's own messages; constructs
 * with no faithful Java counterpart throw {@link Unsupported}. Literals and classes are written as
 * explicit byte sets, so Java's own class syntax ({@code &&}, nested {@code [}) and its Unicode
 * notions of case, word and space never apply. One instance per translation.
 */
final class Pcre2Translator {
  private static final String WORD = "[0-9A-Z_a-z]";
  private static final int MAX_QUANTIFIER = 65535;

  private final String p;
  private int i;
  private final StringBuilder out = new StringBuilder();
  private final int totalGroups;
  private final Map<String, Integer> names;
  private final boolean counting;
  private int groups;
  private final Map<String, Integer> namesSeen = new HashMap<>();
  private final List<Integer> numericRefs = new ArrayList<>();
  private final List<String> namedRefs = new ArrayList<>();

  private boolean variableLookbehind;
  private boolean caseless;
  private boolean multiline;
  private boolean dotall;
  private boolean extended;
  private boolean extendedMore;
  private boolean noAutoCapture;
  private boolean ungreedy;
  private boolean dupnames;

  /** The result: the Java pattern and the number of capture groups. */
  record Result(String java, int groups) {}

  private Pcre2Translator(String p, int totalGroups, Map<String, Integer> names, boolean counting) {
    this.p = p;
    this.totalGroups = totalGroups;
    this.names = names;
    this.counting = counting;
  }

  /**
   * Translates {@code bytes} (one char per byte).
   *
   * @throws Pcre2Error when PCRE2 refuses the pattern
   * @throws Unsupported when opsbook does not reproduce a construct the pattern uses
   */
  static Result translate(String bytes) {
    Pcre2Translator first = new Pcre2Translator(bytes, Integer.MAX_VALUE, Map.of(), true);
    first.run();
    Pcre2Translator second = new Pcre2Translator(bytes, first.groups, first.namesSeen, false);
    second.run();
    return new Result("(?d)" + second.out, second.groups);
  }

  private void run() {
    int[] len = alternation(false);
    if (i < p.length() && p.charAt(i) == ')') {
      throw new Pcre2Error("unmatched closing parenthesis");
    }
    if (variableLookbehind) {
      throw new Pcre2Error("lookbehind assertion is not fixed length");
    }
    if (!counting) {
      for (int ref : numericRefs) {
        if (ref > totalGroups) {
          throw new Pcre2Error("reference to non-existent subpattern");
        }
      }
      for (String n : namedRefs) {
        if (!names.containsKey(n)) {
          throw new Pcre2Error("reference to non-existent subpattern");
        }
      }
    }
    if (len == null) {
      throw new IllegalStateException();
    }
  }

  private boolean more() {
    return i < p.length();
  }

  private char peek() {
    return p.charAt(i);
  }

  private boolean at(String s) {
    return p.startsWith(s, i);
  }

  // --- Structure ---

  /** Alternatives up to ')' or the end; returns the {min, max} length, max -1 when unbounded. */
  private int[] alternation(boolean lookbehind) {
    boolean savedCaseless = caseless;
    boolean savedMultiline = multiline;
    boolean savedDotall = dotall;
    boolean savedExtended = extended;
    boolean savedExtendedMore = extendedMore;
    boolean savedNoAuto = noAutoCapture;
    boolean savedUngreedy = ungreedy;
    boolean savedDup = dupnames;
    int min = Integer.MAX_VALUE;
    int max = 0;
    while (true) {
      int[] b = branch();
      if (lookbehind && (b[1] < 0 || b[0] != b[1])) {
        variableLookbehind = true;
      }
      min = Math.min(min, b[0]);
      max = max < 0 || b[1] < 0 ? -1 : Math.max(max, b[1]);
      if (more() && peek() == '|') {
        i++;
        out.append('|');
        continue;
      }
      break;
    }
    caseless = savedCaseless;
    multiline = savedMultiline;
    dotall = savedDotall;
    extended = savedExtended;
    extendedMore = savedExtendedMore;
    noAutoCapture = savedNoAuto;
    ungreedy = savedUngreedy;
    dupnames = savedDup;
    return new int[] {min, max};
  }

  private int[] branch() {
    int min = 0;
    int max = 0;
    Item last = null;
    int lastMark = -1;
    while (true) {
      skipExtended();
      if (more() && isQuantifierStart()) {
        if (last == null || !last.repeatable()) {
          throw new Pcre2Error("quantifier does not follow a repeatable item");
        }
        int mark = last.atomStart() >= 0 ? last.atomStart() : lastMark;
        String atom = out.substring(mark);
        out.setLength(mark);
        out.append("(?:").append(atom).append(')');
        int[] len = quantifier(last.length());
        int whole = last.length()[0] - last.atomLength();
        int[] total = {len[0] + whole, len[1] < 0 ? -1 : len[1] + whole};
        last = new Item(false, total);
        continue;
      }
      if (!more() || peek() == '|' || peek() == ')') {
        if (last != null) {
          min += last.length()[0];
          max = max < 0 || last.length()[1] < 0 ? -1 : max + last.length()[1];
        }
        return new int[] {min, max};
      }
      int mark = out.length();
      Item item = item();
      if (item == TRANSPARENT) {
        continue;
      }
      if (last != null) {
        min += last.length()[0];
        max = max < 0 || last.length()[1] < 0 ? -1 : max + last.length()[1];
      }
      last = item == null ? new Item(false, new int[] {0, 0}) : item;
      lastMark = mark;
    }
  }

  /** Comments and \E: nothing at all, so a quantifier after them repeats what came before. */
  private static final Item TRANSPARENT = new Item(false, new int[] {0, 0});

  /** One parsed item: whether a quantifier may follow it, and its length range. */
  private record Item(boolean repeatable, int[] length, int atomStart, int atomLength) {
    Item(boolean repeatable, int[] length) {
      this(repeatable, length, -1, length[0]);
    }

    static Item of(int n) {
      return new Item(true, new int[] {n, n});
    }

    static Item assertion() {
      return new Item(false, new int[] {0, 0});
    }
  }

  private boolean isQuantifierStart() {
    char c = peek();
    return c == '*' || c == '+' || c == '?' || (c == '{' && braceQuantifier(i) != null);
  }

  /** {n}, {n,} or {n,m} at {@code at}: {n, m (-1 unbounded), end index}; null when it is a literal. */
  private int[] braceQuantifier(int at) {
    int k = at + 1;
    int ds = k;
    while (k < p.length() && Character.isDigit(p.charAt(k))) {
      k++;
    }
    if (k == ds || k >= p.length()) {
      return null;
    }
    long n = parse(p.substring(ds, k));
    long m = n;
    if (p.charAt(k) == ',') {
      k++;
      int ms = k;
      while (k < p.length() && Character.isDigit(p.charAt(k))) {
        k++;
      }
      m = k == ms ? -1 : parse(p.substring(ms, k));
    }
    if (k >= p.length() || p.charAt(k) != '}') {
      return null;
    }
    if (n > MAX_QUANTIFIER || m > MAX_QUANTIFIER) {
      throw new Pcre2Error("number too big in {} quantifier");
    }
    if (m >= 0 && m < n) {
      throw new Pcre2Error("numbers out of order in {} quantifier");
    }
    return new int[] {(int) n, (int) m, k + 1};
  }

  private static long parse(String digits) {
    return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
  }

  private int[] quantifier(int[] len) {
    char c = peek();
    int lo;
    int hi;
    String q;
    if (c == '{') {
      int[] b = braceQuantifier(i);
      lo = b[0];
      hi = b[1];
      q = hi < 0 ? "{" + lo + ",}" : lo == hi ? "{" + lo + "}" : "{" + lo + "," + hi + "}";
      i = b[2];
    } else {
      i++;
      lo = c == '+' ? 1 : 0;
      hi = c == '?' ? 1 : -1;
      q = String.valueOf(c);
    }
    boolean lazy = ungreedy;
    String mode = "";
    if (more() && peek() == '?') {
      i++;
      lazy = !lazy;
    } else if (more() && peek() == '+') {
      i++;
      mode = "+";
      lazy = false;
    }
    out.append(q).append(mode.isEmpty() && lazy ? "?" : mode);
    int min = (int) Math.min((long) len[0] * lo, Integer.MAX_VALUE);
    int max = hi < 0 || len[1] < 0 ? (len[1] == 0 ? 0 : -1) : (int) Math.min((long) len[1] * hi, Integer.MAX_VALUE);
    return new int[] {min, max};
  }

  private void skipExtended() {
    if (!extended) {
      return;
    }
    while (more()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r') {
        i++;
      } else if (c == '#') {
        while (more() && peek() != '\n') {
          i++;
        }
      } else if (at("\\Q\\E")) {
        i += 4;
      } else {
        return;
      }
    }
  }

  private Item item() {
    char c = peek();
    switch (c) {
      case '(':
        return group();
      case '[':
        if (i + 1 < p.length() && (p.charAt(i + 1) == ':' || p.charAt(i + 1) == '.' || p.charAt(i + 1) == '=')
            && posixEnd(i + 1) > 0) {
          throw new Pcre2Error(p.charAt(i + 1) == ':' ? "POSIX named classes are supported only within a class"
              : "POSIX collating elements are not supported");
        }
        i++;
        out.append(javaClass(characterClass()));
        return Item.of(1);
      case '\\':
        return escape();
      case '.': {
        i++;
        BitSet s = new BitSet(256);
        s.set(0, 256);
        if (!dotall) {
          s.clear('\n');
        }
        out.append(javaClass(s));
        return Item.of(1);
      }
      case '^':
        i++;
        out.append(multiline ? "(?m:^)" : "(?-m:^)");
        return Item.assertion();
      case '$':
        i++;
        out.append(multiline ? "(?m:$)" : "(?-m:$)");
        return Item.assertion();
      case '*':
      case '+':
      case '?':
        throw new Pcre2Error("quantifier does not follow a repeatable item");
      case '{':
        if (braceQuantifier(i) != null) {
          throw new Pcre2Error("quantifier does not follow a repeatable item");
        }
        i++;
        literal('{');
        return Item.of(1);
      default:
        i++;
        literal(c);
        return Item.of(1);
    }
  }

  private void literal(int b) {
    BitSet s = new BitSet(256);
    s.set(b);
    fold(s);
    out.append(javaClass(s));
  }

  /** Adds the other case of ASCII letters when caseless (PCRE2's default tables fold ASCII only). */
  private void fold(BitSet s) {
    if (!caseless) {
      return;
    }
    for (int ch = 'A'; ch <= 'Z'; ch++) {
      if (s.get(ch) || s.get(ch + 32)) {
        s.set(ch);
        s.set(ch + 32);
      }
    }
  }

  // --- Groups ---

  private Item group() {
    int start = i;
    i++;
    if (at("*")) {
      throw new Unsupported("backtracking control verb (*...)");
    }
    if (!at("?")) {
      return capture(null);
    }
    i++;
    if (!more()) {
      throw new Pcre2Error("missing closing parenthesis");
    }
    char c = peek();
    switch (c) {
      case '#': {
        int close = p.indexOf(')', i);
        if (close < 0) {
          throw new Pcre2Error("missing ) after (?# comment");
        }
        i = close + 1;
        return TRANSPARENT;
      }
      case ':':
        i++;
        return closeGroup("(?:", false, true);
      case '>':
        i++;
        return closeGroup("(?>", false, true);
      case '=':
        i++;
        closeGroup("(?=", false, false);
        return new Item(true, new int[] {0, 0});
      case '!':
        i++;
        closeGroup("(?!", false, false);
        return new Item(true, new int[] {0, 0});
      case '|':
        throw new Unsupported("branch reset group (?|...)");
      case '*':
        throw new Unsupported("non-atomic assertion (?*...)");
      case '(':
        throw new Unsupported("conditional group (?(...)...)");
      case 'R':
      case '&':
      case '+':
        throw new Unsupported("recursion or subroutine call");
      case 'C':
        throw new Unsupported("callout (?C...)");
      case '<': {
        if (at("<*")) {
          throw new Unsupported("non-atomic assertion (?<*...)");
        }
        if (at("<=") || at("<!")) {
          boolean negative = at("<!");
          i += 2;
          closeGroup(negative ? "(?<!" : "(?<=", true, false);
          return new Item(true, new int[] {0, 0});
        }
        i++;
        return capture(name('>'));
      }
      case '\'':
        i++;
        return capture(name('\''));
      case 'P': {
        if (at("P<")) {
          i += 2;
          return capture(name('>'));
        }
        if (at("P=")) {
          i += 2;
          String n = name(')');
          namedRefs.add(n);
          backref(names.getOrDefault(n, 0));
          return Item.of(1);
        }
        if (at("P>")) {
          throw new Unsupported("subroutine call (?P>name)");
        }
        throw new Pcre2Error("unrecognized character after (?P");
      }
      default:
        if (Character.isDigit(c) || c == '-' && i + 1 < p.length() && Character.isDigit(p.charAt(i + 1))) {
          throw new Unsupported("recursion or subroutine call");
        }
        return options(start);
    }
  }

  private Item capture(String name) {
    if (name == null && noAutoCapture) {
      return closeGroup("(?:", false, true);
    }
    groups++;
    if (name != null) {
      if (namesSeen.containsKey(name) && !dupnames) {
        throw new Pcre2Error("two named subpatterns have the same name (PCRE2_DUPNAMES not set)");
      }
      namesSeen.putIfAbsent(name, groups);
    }
    return closeGroup("(", false, true);
  }

  private Item closeGroup(String open, boolean lookbehind, boolean repeatable) {
    out.append(open);
    int[] len = alternation(lookbehind);
    if (!more() || peek() != ')') {
      throw new Pcre2Error("missing closing parenthesis");
    }
    i++;
    out.append(')');
    return new Item(repeatable, len);
  }

  private String name(char terminator) {
    int s = i;
    if (more() && Character.isDigit(peek())) {
      throw new Pcre2Error("subpattern name must start with a non-digit");
    }
    while (more() && (Character.isLetterOrDigit(peek()) && peek() < 128 || peek() == '_')) {
      i++;
    }
    String n = p.substring(s, i);
    if (n.isEmpty()) {
      throw new Pcre2Error("subpattern name expected");
    }
    if (n.length() > 32) {
      throw new Pcre2Error("subpattern name is too long (maximum 32 code units)");
    }
    if (!more() || peek() != terminator) {
      throw new Pcre2Error("syntax error in subpattern name (missing terminator?)");
    }
    i++;
    return n;
  }

  /** (?imnsxJU-imnsxJU) and (?^...), alone or with ':' starting a group. */
  private Item options(int start) {
    boolean on = true;
    boolean c1 = caseless;
    boolean m1 = multiline;
    boolean s1 = dotall;
    boolean x1 = extended;
    boolean xx1 = extendedMore;
    boolean n1 = noAutoCapture;
    boolean u1 = ungreedy;
    boolean j1 = dupnames;
    if (more() && peek() == '^') {
      i++;
      c1 = m1 = s1 = x1 = xx1 = n1 = u1 = j1 = false;
    }
    while (more() && peek() != ')' && peek() != ':') {
      char c = peek();
      i++;
      switch (c) {
        case '-' -> on = false;
        case 'i' -> c1 = on;
        case 'm' -> m1 = on;
        case 's' -> s1 = on;
        case 'n' -> n1 = on;
        case 'U' -> u1 = on;
        case 'J' -> j1 = on;
        case 'x' -> {
          if (on && more() && peek() == 'x') {
            i++;
            xx1 = true;
          } else if (!on) {
            xx1 = false;
          }
          x1 = on;
        }
        default -> throw new Pcre2Error("unrecognized character after (? or (?-");
      }
    }
    if (!more()) {
      throw new Pcre2Error("missing closing parenthesis");
    }
    if (peek() == ')') {
      i++;
      caseless = c1;
      multiline = m1;
      dotall = s1;
      extended = x1;
      extendedMore = xx1;
      noAutoCapture = n1;
      ungreedy = u1;
      dupnames = j1;
      return null;
    }
    i++;
    boolean[] saved = {caseless, multiline, dotall, extended, extendedMore, noAutoCapture, ungreedy, dupnames};
    caseless = c1;
    multiline = m1;
    dotall = s1;
    extended = x1;
    extendedMore = xx1;
    noAutoCapture = n1;
    ungreedy = u1;
    dupnames = j1;
    Item item = closeGroup("(?:", false, true);
    caseless = saved[0];
    multiline = saved[1];
    dotall = saved[2];
    extended = saved[3];
    extendedMore = saved[4];
    noAutoCapture = saved[5];
    ungreedy = saved[6];
    dupnames = saved[7];
    return item;
  }

  // --- Escapes outside classes ---

  private Item escape() {
    i++;
    if (!more()) {
      throw new Pcre2Error("\\ at end of pattern");
    }
    char c = peek();
    i++;
    switch (c) {
      case 'Q': {
        int end = p.indexOf("\\E", i);
        String quoted = end < 0 ? p.substring(i) : p.substring(i, end);
        i = end < 0 ? p.length() : end + 2;
        if (quoted.isEmpty()) {
          return TRANSPARENT;
        }
        // Each quoted character is its own item; a quantifier applies to the last one.
        for (int k = 0; k < quoted.length() - 1; k++) {
          literal(quoted.charAt(k));
        }
        int mark = out.length();
        literal(quoted.charAt(quoted.length() - 1));
        // A quantifier after \Q...\E repeats the last character only.
        return new Item(true, new int[] {quoted.length(), quoted.length()}, mark, 1);
      }
      case 'E':
        return TRANSPARENT;
      case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V': {
        out.append(javaClass(classEscape(c)));
        return Item.of(1);
      }
      case 'N': {
        if (more() && peek() == '{') {
          if (at("{U+")) {
            throw new Pcre2Error("\\N{U+dddd} is supported only in Unicode (UTF) mode");
          }
          throw new Unsupported("\\N{...}");
        }
        BitSet s = new BitSet(256);
        s.set(0, 256);
        s.clear('\n');
        out.append(javaClass(s));
        return Item.of(1);
      }
      case 'R':
        out.append("(?>\\x0d\\x0a|[\\x0a-\\x0d\\x85])");
        return new Item(true, new int[] {1, 2});
      case 'b':
        out.append("(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))");
        return Item.assertion();
      case 'B':
        out.append("(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))");
        return Item.assertion();
      case 'A':
        out.append("\\A");
        return Item.assertion();
      case 'Z':
        out.append("\\Z");
        return Item.assertion();
      case 'z':
        out.append("\\z");
        return Item.assertion();
      case 'G':
        out.append("\\G");
        return Item.assertion();
      case 'K':
        throw new Unsupported("\\K");
      case 'C':
        throw new Unsupported("\\C");
      case 'X', 'p', 'P':
        throw new Unsupported("Unicode property \\" + c);
      case 'F', 'L', 'l', 'U', 'u':
        throw new Pcre2Error("PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u");
      case 'g':
        return gReference();
      case 'k':
        return kReference();
      default:
        break;
    }
    if (c >= '1' && c <= '9') {
      int s = i - 1;
      int k = s;
      while (k < p.length() && Character.isDigit(p.charAt(k))) {
        k++;
      }
      long n = parse(p.substring(s, k));
      if (n < 10 || c == '8' || c == '9' || n <= totalGroups) {
        i = k;
        numericRefs.add((int) Math.min(n, Integer.MAX_VALUE));
        backref((int) Math.min(n, Integer.MAX_VALUE));
        return Item.of(1);
      }
      i = s;
      literal(octal(3));
      return Item.of(1);
    }
    int value = characterEscape(c, false);
    literal(value);
    return Item.of(1);
  }

  /** A character escape valid both inside and outside classes: its byte value. */
  private int characterEscape(char c, boolean inClass) {
    switch (c) {
      case 'a':
        return 7;
      case 'e':
        return 27;
      case 'f':
        return 12;
      case 'n':
        return 10;
      case 'r':
        return 13;
      case 't':
        return 9;
      case '0':
        i--;
        return octal(3);
      case 'o': {
        if (!more() || peek() != '{') {
          throw new Pcre2Error("missing opening brace after \\o");
        }
        int close = p.indexOf('}', i);
        String digits = close < 0 ? "" : p.substring(i + 1, close);
        if (close < 0 || digits.isEmpty() || !digits.matches("[0-7]+")) {
          throw new Pcre2Error("non-octal character in \\o{} (closing brace missing?)");
        }
        i = close + 1;
        long v = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits, 8);
        if (v > 255) {
          throw new Pcre2Error("character code point value in \\x{} or \\o{} is too large");
        }
        return (int) v;
      }
      case 'x': {
        if (more() && peek() == '{') {
          int close = p.indexOf('}', i);
          String digits = close < 0 ? "" : p.substring(i + 1, close);
          if (close < 0 || digits.isEmpty() || !digits.matches("[0-9A-Fa-f]+")) {
            throw new Pcre2Error("non-hex character in \\x{} (closing brace missing?)");
          }
          i = close + 1;
          long v = digits.length() > 8 ? Long.MAX_VALUE : Long.parseLong(digits, 16);
          if (v > 255) {
            throw new Pcre2Error("character code point value in \\x{} or \\o{} is too large");
          }
          return (int) v;
        }
        int v = 0;
        for (int k = 0; k < 2 && more() && Character.digit(peek(), 16) >= 0; k++) {
          v = v * 16 + Character.digit(peek(), 16);
          i++;
        }
        return v;
      }
      case 'c': {
        if (!more()) {
          throw new Pcre2Error("\\c at end of pattern");
        }
        char x = peek();
        if (x < 32 || x > 126) {
          throw new Pcre2Error("\\c must be followed by a printable ASCII character");
        }
        i++;
        return Character.toUpperCase(x) ^ 0x40;
      }
      default:
        break;
    }
    if (Character.isLetterOrDigit(c) && c < 128) {
      throw new Pcre2Error("unrecognized character follows \\");
    }
    return c;
  }

  /** Up to {@code max} octal digits at the current position. */
  private int octal(int max) {
    int v = 0;
    int k = 0;
    while (k < max && more() && peek() >= '0' && peek() <= '7') {
      v = v * 8 + (peek() - '0');
      i++;
      k++;
    }
    if (v > 255) {
      throw new Pcre2Error("octal value is greater than \\377 in 8-bit non-UTF-8 mode");
    }
    return v;
  }

  private Item gReference() {
    if (!more()) {
      throw new Pcre2Error("\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain"
          + " number");
    }
    char c = peek();
    if (c == '<' || c == '\'') {
      throw new Unsupported("subroutine call \\g<...>");
    }
    String ref;
    if (c == '{') {
      int close = p.indexOf('}', i);
      if (close < 0) {
        throw new Pcre2Error("\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a"
            + " plain number");
      }
      ref = p.substring(i + 1, close);
      i = close + 1;
    } else {
      int s = i;
      if (c == '-' || c == '+') {
        i++;
      }
      while (more() && Character.isDigit(peek())) {
        i++;
      }
      ref = p.substring(s, i);
      if (ref.isEmpty() || ref.equals("-") || ref.equals("+")) {
        throw new Pcre2Error("\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a"
            + " plain number");
      }
    }
    if (ref.matches("[0-9]+")) {
      int n = (int) Math.min(parse(ref), Integer.MAX_VALUE);
      if (n == 0) {
        throw new Pcre2Error("a numbered reference must not be zero");
      }
      numericRefs.add(n);
      backref(n);
    } else if (ref.matches("-[0-9]+")) {
      int n = groups + 1 - (int) Math.min(parse(ref.substring(1)), Integer.MAX_VALUE);
      if (n <= 0) {
        throw new Pcre2Error("reference to non-existent subpattern");
      }
      backref(n);
    } else if (ref.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      namedRefs.add(ref);
      backref(names.getOrDefault(ref, 0));
    } else {
      throw new Unsupported("\\g{" + ref + "}");
    }
    return Item.of(1);
  }

  private Item kReference() {
    if (!more() || (peek() != '<' && peek() != '\'' && peek() != '{')) {
      throw new Pcre2Error("\\k is not followed by a braced, angle-bracketed, or quoted name");
    }
    char open = peek();
    i++;
    String n = name(open == '<' ? '>' : open == '{' ? '}' : '\'');
    namedRefs.add(n);
    backref(names.getOrDefault(n, 0));
    return Item.of(1);
  }

  private void backref(int n) {
    if (counting || n <= 0 || n > totalGroups) {
      out.append("(?:)");
      return;
    }
    out.append(caseless ? "(?i:\\" : "(?-i:\\").append(n).append(')');
  }

  // --- Classes ---

  private static final Map<String, BitSet> POSIX = posix();

  private static Map<String, BitSet> posix() {
    Map<String, BitSet> m = new HashMap<>();
    m.put("alpha", range("A-Za-z"));
    m.put("digit", range("0-9"));
    m.put("alnum", range("A-Za-z0-9"));
    m.put("space", range("\t-\r "));
    m.put("blank", range("\t "));
    m.put("cntrl", range("\u0000-\u001f\u007f"));
    m.put("graph", range("!-~"));
    m.put("print", range(" -~"));
    m.put("punct", range("!-/:-@[-`{-~"));
    m.put("upper", range("A-Z"));
    m.put("lower", range("a-z"));
    m.put("xdigit", range("0-9A-Fa-f"));
    m.put("word", range("A-Za-z0-9_"));
    m.put("ascii", range("\u0000-\u007f"));
    return Map.copyOf(m);
  }

  private static BitSet range(String spec) {
    BitSet s = new BitSet(256);
    for (int k = 0; k < spec.length(); k++) {
      char a = spec.charAt(k);
      if (k + 2 < spec.length() && spec.charAt(k + 1) == '-') {
        s.set(a, spec.charAt(k + 2) + 1);
        k += 2;
      } else {
        s.set(a);
      }
    }
    return s;
  }

  private static BitSet classEscape(char c) {
    BitSet s = switch (Character.toLowerCase(c)) {
      case 'd' -> range("0-9");
      case 's' -> range("\t\n\u000b\f\r ");
      case 'w' -> range("A-Za-z0-9_");
      case 'h' -> range("\t \u00a0");
      case 'v' -> range("\n-\r\u0085");
      default -> throw new IllegalArgumentException();
    };
    if (Character.isUpperCase(c)) {
      s.flip(0, 256);
    }
    return s;
  }

  /** After '[': the class's byte set, with the closing ']' consumed. */
  private BitSet characterClass() {
    BitSet set = new BitSet(256);
    boolean negate = false;
    if (more() && peek() == '^') {
      negate = true;
      i++;
    }
    boolean first = true;
    while (true) {
      if (!more()) {
        throw new Pcre2Error("missing terminating ] for character class");
      }
      char c = peek();
      if (c == ']' && !first) {
        i++;
        break;
      }
      first = false;
      if (extendedMore && (c == ' ' || c == '\t')) {
        i++;
        continue;
      }
      if (c == '[' && i + 1 < p.length() && (p.charAt(i + 1) == ':' || p.charAt(i + 1) == '.'
          || p.charAt(i + 1) == '=') && posixEnd(i + 1) > 0) {
        char kind = p.charAt(i + 1);
        int end = posixEnd(i + 1);
        if (kind != ':') {
          throw new Pcre2Error("POSIX collating elements are not supported");
        }
        String name = p.substring(i + 2, end);
        boolean not = name.startsWith("^");
        if (not) {
          name = name.substring(1);
        }
        BitSet cls = POSIX.get(name);
        if (cls == null) {
          throw new Pcre2Error("unknown POSIX class name");
        }
        i = end + 2;
        BitSet add = (BitSet) cls.clone();
        if (not) {
          add.flip(0, 256);
        }
        set.or(add);
        if (more() && peek() == '-' && i + 1 < p.length() && p.charAt(i + 1) != ']') {
          throw new Pcre2Error("invalid range in character class");
        }
        continue;
      }
      int low = classAtom(set);
      if (low < 0) {
        if (more() && peek() == '-' && i + 1 < p.length() && p.charAt(i + 1) != ']') {
          throw new Pcre2Error("invalid range in character class");
        }
        continue;
      }
      if (more() && peek() == '-' && i + 1 < p.length() && p.charAt(i + 1) != ']') {
        i++;
        BitSet probe = new BitSet(256);
        if (p.charAt(i) == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':' && posixEnd(i + 1) > 0) {
          throw new Pcre2Error("invalid range in character class");
        }
        int high = classAtom(probe);
        if (high < 0) {
          throw new Pcre2Error("invalid range in character class");
        }
        if (high < low) {
          throw new Pcre2Error("range out of order in character class");
        }
        set.set(low, high + 1);
      } else {
        set.set(low);
      }
    }
    fold(set);
    if (negate) {
      set.flip(0, 256);
    }
    return set;
  }

  /** The index of the ':' (or '.', '=') of a POSIX class's closing ":]", or -1. */
  private int posixEnd(int colon) {
    char kind = p.charAt(colon);
    for (int k = colon + 1; k + 1 < p.length(); k++) {
      char ch = p.charAt(k);
      if (ch == '\\' || ch == '[' || ch == ']') {
        return ch == kind ? k : -1;
      }
      if (ch == kind && p.charAt(k + 1) == ']') {
        return k;
      }
    }
    return -1;
  }

  /**
   * One class member at the current position: adds a class escape's set to {@code set} and returns
   * -1, or returns a single byte value (not yet added).
   */
  private int classAtom(BitSet set) {
    char c = peek();
    i++;
    if (c != '\\') {
      return c;
    }
    if (!more()) {
      throw new Pcre2Error("\\ at end of pattern");
    }
    char e = peek();
    i++;
    switch (e) {
      case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V' -> {
        set.or(classEscape(e));
        return -1;
      }
      case 'b' -> {
        return 8;
      }
      case 'Q' -> {
        int end = p.indexOf("\\E", i);
        String quoted = end < 0 ? p.substring(i) : p.substring(i, end);
        i = end < 0 ? p.length() : end + 2;
        for (char q : quoted.toCharArray()) {
          set.set(q);
        }
        return -1;
      }
      case 'E' -> {
        return -1;
      }
      case 'N' -> throw new Pcre2Error("\\N is not supported in a class");
      case 'B', 'R', 'X', 'A', 'Z', 'z', 'G', 'K', 'g', 'k' ->
          throw new Pcre2Error("escape sequence is invalid in character class");
      case 'p', 'P', 'C' -> throw new Unsupported("\\" + e + " in a class");
      case 'F', 'L', 'l', 'U', 'u' ->
          throw new Pcre2Error("PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u");
      default -> {
        if (e >= '1' && e <= '9') {
          i--;
          if (e == '8' || e == '9') {
            i++;
            return e;
          }
          return octal(3);
        }
        return characterEscape(e, true);
      }
    }
  }

  /** A byte set as a Java class of hex escapes and ranges. */
  private static String javaClass(BitSet s) {
    if (s.cardinality() == 1) {
      return hex(s.nextSetBit(0));
    }
    StringBuilder b = new StringBuilder("[");
    if (s.isEmpty()) {
      return "[^\\x00-\\xff]";
    }
    for (int lo = s.nextSetBit(0); lo >= 0 && lo < 256; lo = s.nextSetBit(lo + 1)) {
      int hi = lo;
      while (hi + 1 < 256 && s.get(hi + 1)) {
        hi++;
      }
      b.append(hex(lo));
      if (hi > lo) {
        b.append('-').append(hex(hi));
      }
      lo = hi;
    }
    return b.append(']').toString();
  }

  private static String hex(int b) {
    if ((b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')) {
      return String.valueOf((char) b);
    }
    return String.format(java.util.Locale.ROOT, "\\x%02x", b);
  }
}
