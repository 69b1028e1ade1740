package org.opsbook.checker.postfix.engine;

import java.util.Set;

/**
 * A position in a PCRE pattern being translated, with the escape readers that both the main
 * translator and the character-class translator need. Not thread-safe.
 */
class PatternCursor {
  static final Set<String> GENERAL_CATEGORIES =
      Set.of(
          "C", "Cc", "Cf", "Cn", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N",
          "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z",
          "Zl", "Zp", "Zs");

  final String src;
  int pos;

  PatternCursor(String src) {
    this.src = src;
  }

  int hexEscape(int at) {
    if (pos < src.length() && src.charAt(pos) == '{') {
      int end = src.indexOf('}', pos);
      String digits = end < 0 ? "" : src.substring(pos + 1, end);
      if (end < 0 || digits.isEmpty() || !digits.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
        throw reject(at, "non-hex character in \\x{} (closing brace missing?)");
      }
      pos = end + 1;
      long v = digits.length() > 8 ? Long.MAX_VALUE : Long.parseLong(digits, 16);
      if (v > 0xff) {
        throw reject(at, "character code point value in \\x{} or \\o{} is too large");
      }
      return (int) v;
    }
    int v = 0;
    int n = 0;
    while (n < 2 && pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
      v = v * 16 + Character.digit(src.charAt(pos++), 16);
      n++;
    }
    return v;
  }

  int octalBraces(int at) {
    int end = pos < src.length() && src.charAt(pos) == '{' ? src.indexOf('}', pos) : -1;
    String digits = end < 0 ? "" : src.substring(pos + 1, end);
    if (end < 0 || digits.isEmpty() || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '7')) {
      throw reject(at, "missing opening brace after \\o");
    }
    pos = end + 1;
    long v = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits, 8);
    if (v > 0xff) {
      throw reject(at, "character code point value in \\x{} or \\o{} is too large");
    }
    return (int) v;
  }

  int control(int at) {
    if (pos >= src.length() || src.charAt(pos) < 0x20 || src.charAt(pos) > 0x7e) {
      throw reject(at, "\\c must be followed by a printable ASCII character");
    }
    char c = Character.toUpperCase(src.charAt(pos++));
    return c ^ 0x40;
  }

  String property(int at, char p) {
    String name;
    if (pos < src.length() && src.charAt(pos) == '{') {
      int end = src.indexOf('}', pos);
      if (end < 0) {
        throw reject(at, "malformed \\P or \\p sequence");
      }
      name = src.substring(pos + 1, end);
      pos = end + 1;
    } else if (pos < src.length()) {
      name = String.valueOf(src.charAt(pos++));
    } else {
      throw reject(at, "malformed \\P or \\p sequence");
    }
    boolean negate = p == 'P';
    if (name.startsWith("^")) {
      negate = !negate;
      name = name.substring(1);
    }
    if (!GENERAL_CATEGORIES.contains(name)) {
      throw unsupported(at, "the property \\" + p + "{" + name + "} is not supported by this model;"
          + " use a general category such as \\p{L} or a character class");
    }
    return "\\" + (negate ? 'P' : 'p') + "{" + name + "}";
  }

  static String literal(char c) {
    return isAsciiAlnum(c) ? String.valueOf(c) : hex(c);
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** {@code \xhh} for a byte value. */
  static String hex(int c) {
    return new String(new char[] {'\\', 'x', HEX[(c >> 4) & 0xf], HEX[c & 0xf]});
  }

  TranslationStop reject(int offset, String message) {
    return new TranslationStop(new RegexProblem(true, Math.min(offset, src.length()), message));
  }

  TranslationStop unsupported(int offset, String message) {
    return new TranslationStop(new RegexProblem(false, Math.min(offset, src.length()), message));
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
  }

  static boolean isWordChar(char c) {
    return isAsciiAlnum(c) || c == '_';
  }
}
