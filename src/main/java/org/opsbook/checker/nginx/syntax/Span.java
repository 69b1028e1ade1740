package org.opsbook.checker.nginx.syntax;

/** A stretch of text the lexer saw, for highlighting: a word, a comment or a punctuation mark. */
record Span(int start, int end, Type type, boolean quoted) {
  enum Type {
    WORD, COMMENT, PUNCTUATION
  }
}
