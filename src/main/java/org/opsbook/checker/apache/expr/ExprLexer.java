package org.opsbook.checker.apache.expr;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The scanner of ap_expr (util_expr_scan.l), state for state: strings with escapes and embedded
 * {@code %{VAR}} and {@code $N}, variables and {@code %{func:arg}}, {@code /regex/} and
 * {@code m#regex#}, and the operators (the longest match wins, the earlier rule on a tie).
 * Not thread-safe; one instance per expression.
 */
final class ExprLexer {
  private enum State { INITIAL, STR, VAR, VARARG, REGEX }

  private final String in;
  private final boolean stringResult;
  private int pos;
  private boolean atStart = true;
  private State state = State.INITIAL;
  private final Deque<State> stack = new ArrayDeque<>();
  private char strDelimiter;
  private final StringBuilder buf = new StringBuilder();

  ExprLexer(String in, boolean stringResult) {
    this.in = in;
    this.stringResult = stringResult;
  }

  /** The next token; {@link Token.Type#END} at the end. */
  Token next() {
    if (atStart) {
      atStart = false;
      if (stringResult) {
        state = State.STR;
        strDelimiter = '\0';
      }
    }
    return switch (state) {
      case INITIAL -> initial();
      case STR, VARARG -> inString();
      case VAR -> inVar();
      case REGEX -> throw new IllegalStateException("regex state is left within one call");
    };
  }

  private Token tok(Token.Type t, String text, int at) {
    return new Token(t, text, 0, at);
  }

  private char peek(int k) {
    return pos + k < in.length() ? in.charAt(pos + k) : '\0';
  }

  private boolean at(String s) {
    return in.startsWith(s, pos);
  }

  private Token initial() {
    while (pos < in.length() && (in.charAt(pos) == ' ' || in.charAt(pos) == '\t' || in.charAt(pos) == '\n')) {
      pos++;
    }
    int start = pos;
    if (pos >= in.length()) {
      return tok(Token.Type.END, "", pos);
    }
    char c = in.charAt(pos);
    if (c == '"' || c == '\'') {
      strDelimiter = c;
      state = State.STR;
      pos++;
      buf.setLength(0);
      return tok(Token.Type.STR_BEGIN, "", start);
    }
    if (c == '%' && peek(1) == '{') {
      pos += 2;
      stack.push(State.INITIAL);
      state = State.VAR;
      return tok(Token.Type.VAR_BEGIN, "", start);
    }
    if (c == '$' && Character.isDigit(peek(1)) && isAsciiDigit(peek(1))) {
      pos += 2;
      return new Token(Token.Type.BACKREF, "", peek(-1) - '0', start);
    }
    if (c == '/' || (c == 'm' && "/#$%^,;:_?|-!.'\"".indexOf(peek(1)) >= 0 && peek(1) != '\0' && !longerName())) {
      char delim = c == '/' ? '/' : peek(1);
      pos += c == '/' ? 1 : 2;
      int close = in.indexOf(delim, pos);
      if (close < 0) {
        // flex reaches the end inside the regex: the parser sees the end of input.
        pos = in.length();
        return tok(Token.Type.END, "", pos);
      }
      String re = in.substring(pos, close);
      pos = close + 1;
      if (peek(0) == 'i') {
        pos++;
        return tok(Token.Type.REGEX_I, re, start);
      }
      return tok(Token.Type.REGEX, re, start);
    }
    String[][] ops = {
      {"-in", "OP_IN"}, {"-eq", "OP_EQ"}, {"-ne", "OP_NE"}, {"-ge", "OP_GE"}, {"-le", "OP_LE"}, {"-gt", "OP_GT"}, {"-lt", "OP_LT"},
    };
    // Names and keywords: the longest identifier, then the keyword if it is exactly one.
    if (isAlpha(c)) {
      int j = pos + 1;
      while (j < in.length() && (isAlnum(in.charAt(j)) || in.charAt(j) == '_')) {
        j++;
      }
      String word = in.substring(pos, j);
      pos = j;
      Token.Type kw = switch (word) {
        case "and" -> Token.Type.OP_AND;
        case "or" -> Token.Type.OP_OR;
        case "not" -> Token.Type.OP_NOT;
        case "lt" -> Token.Type.OP_LT;
        case "le" -> Token.Type.OP_LE;
        case "gt" -> Token.Type.OP_GT;
        case "ge" -> Token.Type.OP_GE;
        case "ne" -> Token.Type.OP_NE;
        case "eq" -> Token.Type.OP_EQ;
        case "in" -> Token.Type.OP_IN;
        case "true" -> Token.Type.TRUE;
        case "false" -> Token.Type.FALSE;
        default -> Token.Type.ID;
      };
      return tok(kw, word, start);
    }
    if (c == '-' && (isAlpha(peek(1)) || peek(1) == '_')) {
      int j = pos + 2;
      while (j < in.length() && (isAlnum(in.charAt(j)) || in.charAt(j) == '_')) {
        j++;
      }
      String word = in.substring(pos, j);
      if (word.length() == 3) {
        for (String[] op : ops) {
          if (op[0].equals(word)) {
            pos = j;
            return tok(Token.Type.valueOf(op[1]), word, start);
          }
        }
      }
      pos = j;
      return tok(word.length() == 2 ? Token.Type.OP_UNARY : Token.Type.OP_BINARY, word.substring(1), start);
    }
    if (isAsciiDigit(c) || (c == '-' && isAsciiDigit(peek(1)))) {
      int j = pos + 1;
      while (j < in.length() && isAsciiDigit(in.charAt(j))) {
        j++;
      }
      String d = in.substring(pos, j);
      pos = j;
      return tok(Token.Type.DIGIT, d, start);
    }
    String[][] punct = {
      {"=~", "OP_REG"}, {"!~", "OP_NRE"}, {"==", "OP_STR_EQ"}, {"!=", "OP_STR_NE"}, {"<=", "OP_STR_LE"}, {">=", "OP_STR_GE"},
      {"&&", "OP_AND"}, {"||", "OP_OR"}, {"=", "OP_STR_EQ"}, {"<", "OP_STR_LT"}, {">", "OP_STR_GT"}, {"!", "OP_NOT"},
      {".", "OP_CONCAT"}, {"(", "LPAREN"}, {")", "RPAREN"}, {"{", "LBRACE"}, {"}", "RBRACE"}, {",", "COMMA"}, {":", "COLON"},
    };
    for (String[] p : punct) {
      if (at(p[0])) {
        pos += p[0].length();
        return tok(Token.Type.valueOf(p[1]), p[0], start);
      }
    }
    throw new ExprException("Parse error near '" + c + "'");
  }

  private Token inString() {
    int start = pos;
    while (true) {
      if (pos >= in.length()) {
        if (state == State.VARARG || !stringResult) {
          throw new ExprException("Unterminated string or variable");
        }
        if (buf.length() > 0) {
          return flush(start);
        }
        state = State.INITIAL;
        return tok(Token.Type.END, "", pos);
      }
      char c = in.charAt(pos);
      if (state == State.STR && (c == '"' || c == '\'')) {
        if (c == strDelimiter) {
          if (buf.length() == 0) {
            pos++;
            state = State.INITIAL;
            return tok(Token.Type.STR_END, "", start);
          }
          return flush(start);
        }
        buf.append(c);
        pos++;
        continue;
      }
      if (c == '\n') {
        throw new ExprException("Unterminated string or variable");
      }
      if (c == '\\') {
        escape();
        continue;
      }
      if (c == '$' && isAsciiDigit(peek(1))) {
        if (buf.length() > 0) {
          return flush(start);
        }
        pos += 2;
        return new Token(Token.Type.BACKREF, "", in.charAt(pos - 1) - '0', start);
      }
      if (c == '%' && peek(1) == '{') {
        if (buf.length() > 0) {
          return flush(start);
        }
        pos += 2;
        stack.push(state);
        state = State.VAR;
        return tok(Token.Type.VAR_BEGIN, "", start);
      }
      if (state == State.VARARG && c == '}') {
        if (buf.length() > 0) {
          return flush(start);
        }
        pos++;
        state = stack.pop();
        return tok(Token.Type.VAR_END, "", start);
      }
      if (state == State.VARARG && (c == '"' || c == '\'')) {
        throw new ExprException("Parse error near '" + c + "'");
      }
      buf.append(c);
      pos++;
    }
  }

  private void escape() {
    char e = peek(1);
    if (e == '\0' && pos + 1 >= in.length()) {
      // "\\" at the very end: the string is unterminated.
      pos++;
      return;
    }
    if (isAsciiDigit(e)) {
      int j = pos + 1;
      while (j < in.length() && isAsciiDigit(in.charAt(j))) {
        j++;
      }
      int octalEnd = pos + 1;
      while (octalEnd < in.length() && octalEnd < pos + 4 && in.charAt(octalEnd) >= '0' && in.charAt(octalEnd) <= '7') {
        octalEnd++;
      }
      if (j > octalEnd || octalEnd == pos + 1) {
        throw new ExprException("Bad escape sequence");
      }
      int value = Integer.parseInt(in.substring(pos + 1, octalEnd), 8);
      if (value > 0xff) {
        throw new ExprException("Escape sequence out of bound");
      }
      buf.append((char) value);
      pos = octalEnd;
      return;
    }
    buf.append(switch (e) {
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'b' -> '\b';
      case 'f' -> '\f';
      default -> e;
    });
    pos += 2;
  }

  /** Whether "m_..." is a longer name, which wins over the regex opener "m_" (longest match). */
  private boolean longerName() {
    return peek(1) == '_' && (isAlnum(peek(2)) || peek(2) == '_');
  }

  private Token flush(int start) {
    String s = buf.toString();
    buf.setLength(0);
    return tok(Token.Type.STRING, s, start);
  }

  private Token inVar() {
    int start = pos;
    if (pos >= in.length()) {
      throw new ExprException("Unterminated string or variable");
    }
    char c = in.charAt(pos);
    if (isAlpha(c)) {
      int j = pos + 1;
      while (j < in.length() && (isAlnum(in.charAt(j)) || in.charAt(j) == '_')) {
        j++;
      }
      String id = in.substring(pos, j);
      pos = j;
      return tok(Token.Type.ID, id, start);
    }
    if (c == '}') {
      pos++;
      state = stack.pop();
      return tok(Token.Type.VAR_END, "", start);
    }
    if (c == ':') {
      pos++;
      state = State.VARARG;
      buf.setLength(0);
      return tok(Token.Type.COLON, ":", start);
    }
    throw new ExprException("Invalid character in variable name '" + c + "'");
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAlnum(char c) {
    return isAlpha(c) || isAsciiDigit(c);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
