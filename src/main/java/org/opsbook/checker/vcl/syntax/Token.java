package org.opsbook.checker.vcl.syntax;

import java.util.Objects;

/**
 * One token with its place: offsets into its source's text, and the 1-based line and column of its
 * first character (columns count characters; VCC counts a tab as up to 8).
 *
 * @param text the token exactly as written
 * @param decoded for strings, the content between the delimiters (VCL has no escapes); otherwise
 *     {@code null}
 */
record Token(TokenType type, String text, Source source, int start, int end, int line, int column, String decoded) {
  Token {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
  }

  boolean is(String op) {
    return type == TokenType.OP && same(text, op);
  }

  /** Whether this is the identifier {@code word}, compared exactly as VCC's vcc_IdIs does. */
  boolean isId(String word) {
    return type == TokenType.ID && same(text, word);
  }

  /** Char by char: the parser compares tokens constantly, and this stays cheap under instrumentation. */
  private static boolean same(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The 1-based line of the token's last character. */
  int endLine() {
    int l = line;
    for (int i = start; i < end - 1 && i < source.text().length(); i++) {
      if (source.text().charAt(i) == '\n') {
        l++;
      }
    }
    return l;
  }

  /** How VCC names a token in a message (vcc_ErrToken). */
  String quoted() {
    return switch (type) {
      case EOI -> "end of input";
      case CSRC -> "C{ ... }C";
      default -> "'" + text + "'";
    };
  }
}
