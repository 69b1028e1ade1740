package org.opsbook.checker.apache.expr;

/**
 * A token of ap_expr (util_expr_scan.l).
 *
 * @param type what it is
 * @param text its value: a string part, a digit string, a name, a regex, an operator name
 * @param number for a back-reference, its digit
 * @param offset where it starts in the expression
 */
record Token(Type type, String text, int number, int offset) {
  enum Type {
    TRUE, FALSE, DIGIT, ID, STRING, REGEX, REGEX_I, BACKREF, OP_UNARY, OP_BINARY,
    STR_BEGIN, STR_END, VAR_BEGIN, VAR_END,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_REG, OP_NRE, OP_IN,
    OP_STR_EQ, OP_STR_NE, OP_STR_LT, OP_STR_LE, OP_STR_GT, OP_STR_GE,
    OP_CONCAT, OP_OR, OP_AND, OP_NOT,
    LPAREN, RPAREN, LBRACE, RBRACE, COMMA, COLON,
    END
  }

  /** Bison's name for the token in its "unexpected" messages. */
  String describe() {
    return switch (type) {
      case END -> "$end";
      case LPAREN -> "'('";
      case RPAREN -> "')'";
      case LBRACE -> "'{'";
      case RBRACE -> "'}'";
      case COMMA -> "','";
      case COLON -> "':'";
      default -> "T_" + type.name();
    };
  }
}
