package org.opsbook.checker.vcl.syntax;

/** The token classes of VCC's lexer (vcc_token.c and generate.py of Varnish 7.1). */
enum TokenType {
  /** An identifier: a letter, then letters, digits, '-' and '_'. */
  ID,
  /** An integer literal. */
  CNUM,
  /** A real literal: digits, a dot, digits. */
  FNUM,
  /** A string: "...", {"..."} or """...""". */
  CSTR,
  /** Inline C: C{ ... }C. */
  CSRC,
  /** A BLOB literal: :base64:. */
  CBLOB,
  /** One of the fixed operators and punctuation marks. */
  OP,
  /** End of input. */
  EOI
}
