package org.opsbook.checker.postfix.engine;

/**
 * Translates one PCRE character class ({@code [...]}) into a Java class whose members are all hex
 * escapes or Java class escapes, so that Java's own class syntax ({@code &&}, nested {@code [})
 * never applies. POSIX classes become explicit ASCII ranges, as PCRE2 defines them without UCP.
 */
final class PcreClassTranslator {
  private final PatternCursor cur;

  private PcreClassTranslator(PatternCursor c) {
    this.cur = c;
  }

  static String translate(PatternCursor c) {
    return new PcreClassTranslator(c).run();
  }

  private String run() {
    int open = cur.pos;
    cur.pos++;
    StringBuilder cls = new StringBuilder("[");
    // pcre2_compile.c: at the start of a class, \E and \Q\E are skipped, before or after the ^
    // that negates it, and the first ] after them is still a literal.
    boolean negated = false;
    while (cur.pos < cur.src.length()) {
      if (cur.src.startsWith("\\E", cur.pos)) {
        cur.pos += 2;
      } else if (cur.src.startsWith("\\Q\\E", cur.pos)) {
        cur.pos += 4;
      } else if (cur.src.charAt(cur.pos) == '^' && !negated) {
        negated = true;
        cls.append('^');
        cur.pos++;
      } else {
        break;
      }
    }
    boolean first = true;
    while (true) {
      if (cur.pos >= cur.src.length()) {
        throw cur.reject(open, "missing terminating ] for character class");
      }
      char c = cur.src.charAt(cur.pos);
      if (c == ']' && !first) {
        cur.pos++;
        break;
      }
      first = false;
      if (c == '[' && cur.pos + 1 < cur.src.length() && (cur.src.charAt(cur.pos + 1) == ':' || cur.src.charAt(cur.pos + 1) == '.'
          || cur.src.charAt(cur.pos + 1) == '=')) {
        int end = cur.src.indexOf(cur.src.charAt(cur.pos + 1) + "]", cur.pos + 2);
        if (end > 0) {
          if (cur.src.charAt(cur.pos + 1) != ':') {
            throw cur.reject(cur.pos, "POSIX collating elements are not supported");
          }
          cls.append(posixClass(cur.src.substring(cur.pos + 2, end), cur.pos));
          cur.pos = end + 2;
          rejectRangeFromClass();
          continue;
        }
      }
      int single;
      if (c == '\\') {
        int at = cur.pos;
        if (cur.pos + 1 >= cur.src.length()) {
          throw cur.reject(at, "\\ at end of pattern");
        }
        char e = cur.src.charAt(cur.pos + 1);
        cur.pos += 2;
        switch (e) {
          case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V' -> {
            rejectRangeFromClass();
            cls.append('\\').append(e);
            continue;
          }
          case 'p', 'P' -> {
            cls.append(cur.property(at, e));
            rejectRangeFromClass();
            continue;
          }
          case 'Q' -> {
            while (cur.pos < cur.src.length() && !cur.src.startsWith("\\E", cur.pos)) {
              cls.append(PatternCursor.hex(cur.src.charAt(cur.pos++)));
            }
            cur.pos = Math.min(cur.src.length(), cur.pos + 2);
            continue;
          }
          case 'E' -> {
            continue;
          }
          default -> single = escapedChar(at, e);
        }
      } else {
        single = c;
        cur.pos++;
      }
      // A range?
      if (cur.pos + 1 < cur.src.length() && cur.src.charAt(cur.pos) == '-' && cur.src.charAt(cur.pos + 1) != ']') {
        int save = cur.pos;
        cur.pos++;
        int high;
        char h = cur.src.charAt(cur.pos);
        if (h == '\\') {
          int at = cur.pos;
          char e = cur.pos + 1 < cur.src.length() ? cur.src.charAt(cur.pos + 1) : 0;
          if ("dDwWsShHvVpP".indexOf(e) >= 0) {
            // "a-\d": the hyphen is literal, PCRE2 10.42 rejects ranges to a class escape.
            throw cur.reject(at, "invalid range in character class");
          }
          cur.pos += 2;
          high = escapedChar(at, e);
        } else if (h == '[' && cur.pos + 1 < cur.src.length() && cur.src.charAt(cur.pos + 1) == ':') {
          throw cur.reject(cur.pos, "invalid range in character class");
        } else {
          high = h;
          cur.pos++;
        }
        if (high < single) {
          throw cur.reject(save + 1, "range out of order in character class");
        }
        cls.append(PatternCursor.hex(single)).append('-').append(PatternCursor.hex(high));
        continue;
      }
      cls.append(PatternCursor.hex(single));
    }
    cls.append(']');
    return cls.toString();
  }

  /**
   * The character an escape in a class stands for, at either end of a range: {@code \n},
   * {@code \x41}, {@code \o{101}}, {@code \cA}, or up to three octal digits ({@code \4} is
   * U+0004 in a class, never a back reference); {@code \8}, {@code \9} and punctuation stand for
   * themselves.
   *
   * @param at where the backslash is; {@code cur.pos} is past the letter {@code e}
   */
  private int escapedChar(int at, char e) {
    return switch (e) {
      case 'b' -> 0x08;
      case 'a' -> 0x07;
      case 'e' -> 0x1b;
      case 'f' -> 0x0c;
      case 'n' -> 0x0a;
      case 'r' -> 0x0d;
      case 't' -> 0x09;
      case 'x' -> cur.hexEscape(at);
      case 'o' -> cur.octalBraces(at);
      case 'c' -> cur.control(at);
      default -> {
        if (PatternCursor.isOctal(e)) {
          int v = e - '0';
          int n = 1;
          while (n < 3 && cur.pos < cur.src.length() && PatternCursor.isOctal(cur.src.charAt(cur.pos))) {
            v = v * 8 + (cur.src.charAt(cur.pos++) - '0');
            n++;
          }
          if (v > 0xff) {
            throw cur.reject(at, "octal value is greater than \\377 in 8-bit non-UTF-8 mode");
          }
          yield v;
        }
        if (PatternCursor.isAsciiAlnum(e) && e != '8' && e != '9') {
          throw cur.reject(at + 1, "escape sequence is invalid in character class");
        }
        yield e;
      }
    };
  }

  /** PCRE2 10.42: a class escape or POSIX class cannot start a range ("[\\d-z]"). */
  private void rejectRangeFromClass() {
    if (cur.pos + 1 < cur.src.length() && cur.src.charAt(cur.pos) == '-' && cur.src.charAt(cur.pos + 1) != ']') {
      throw cur.reject(cur.pos, "invalid range in character class");
    }
  }

  private String posixClass(String name, int at) {
    boolean negate = name.startsWith("^");
    String n = negate ? name.substring(1) : name;
    String body = PosixClassNames.ranges(n, true).orElseThrow(() -> cur.reject(at, "unknown POSIX class name"));
    return negate ? "[^" + body + "]" : "[" + body + "]";
  }
}
