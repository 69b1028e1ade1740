package org.opsbook.checker.vcl.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.vcl.rules.VclRules;

/**
 * VCC's lexer (vcc_token.c of Varnish 7.1): white space, {@code #}, {@code //} and
 * {@code /* *}{@code /} comments, strings in three forms, inline C, BLOB literals, numbers, names
 * and the fixed operators. Like VCC it stops at the first error.
 */
final class VclLexer {
  /** Fixed tokens, longest first so that {@code !~} wins over {@code !}. */
  private static final String[] FIXED = {
    "++", "--", "&&", "||", "<=", "==", "!=", ">=", ">>", "<<", "+=", "-=", "*=", "/=", "!~",
    "{", "}", "(", ")", "*", "+", "-", "/", "%", ">", "<", "=", ";", "!", "&", ".", "|", "~", ","
  };

  private final Source source;
  private final String s;
  private final List<Token> tokens = new ArrayList<>();
  private int line = 1;
  private int lineStart;

  private VclLexer(Source source) {
    this.source = source;
    this.s = source.text();
  }

  /** The tokens of a source, ending with EOI. */
  static List<Token> lex(Source source) {
    VclLexer l = new VclLexer(source);
    l.run();
    return l.tokens;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b;
  }

  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isIdent(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void advanceTo(int to, int from) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
  }

  private Token token(TokenType type, int b, int e, String decoded) {
    // Line and column of b; the lexer's own counters are at b when this is called.
    return new Token(type, s.substring(b, Math.min(e, s.length())), source, b, e, line, b - lineStart + 1, decoded);
  }

  private VccError error(String message, int b, int e) {
    return new VccError(VclRules.SYNTAX, message, token(TokenType.EOI, b, e, null));
  }

  private void run() {
    int p = 0;
    int n = s.length();
    while (p < n) {
      char c = s.charAt(p);
      if (isSpace(c)) {
        advanceTo(p + 1, p);
        p++;
        continue;
      }
      if (c == '#' || (c == '/' && p + 1 < n && s.charAt(p + 1) == '/')) {
        while (p < n && s.charAt(p) != '\n') {
          p++;
        }
        continue;
      }
      if (c == '/' && p + 1 < n && s.charAt(p + 1) == '*') {
        int q = p + 2;
        boolean closed = false;
        for (; q < n; q++) {
          if (s.charAt(q) == '/' && q + 1 < n && s.charAt(q + 1) == '*') {
            throw error("/* ... */ comment contains /*", p, p + 2);
          }
          if (s.charAt(q) == '*' && q + 1 < n && s.charAt(q + 1) == '/') {
            closed = true;
            break;
          }
        }
        if (!closed) {
          throw new VccError(VclRules.UNTERMINATED, "Unterminated /* ... */ comment, starting at",
              token(TokenType.EOI, p, p + 2, null));
        }
        advanceTo(q + 2, p);
        p = q + 2;
        continue;
      }
      if (c == ':') {
        p = blob(p);
        continue;
      }
      int q = delimited(p);
      if (q > 0) {
        p = q;
        continue;
      }
      String fixed = fixed(p);
      if (fixed != null) {
        tokens.add(token(TokenType.OP, p, p + fixed.length(), null));
        p += fixed.length();
        continue;
      }
      if (isIdentStart(c)) {
        int e = p;
        while (e < n && isIdent(s.charAt(e))) {
          e++;
        }
        tokens.add(token(TokenType.ID, p, e, null));
        p = e;
        continue;
      }
      if (isDigit(c)) {
        p = number(p);
        continue;
      }
      throw new VccError(VclRules.SYNTAX, "Syntax error at", token(TokenType.EOI, p, p + 1, null));
    }
    tokens.add(token(TokenType.EOI, n, n, null));
  }

  private String fixed(int p) {
    char c = s.charAt(p);
    char d = p + 1 < s.length() ? s.charAt(p + 1) : 0;
    for (String f : FIXED) {
      if (f.charAt(0) == c && (f.length() == 1 || f.charAt(1) == d)) {
        return f;
      }
    }
    return null;
  }

  /** Strings and inline C: the end offset, or 0 when none starts here. */
  private int delimited(int p) {
    String open;
    String close;
    String name;
    boolean multiline;
    TokenType type = TokenType.CSTR;
    char c0 = s.charAt(p);
    char c1 = p + 1 < s.length() ? s.charAt(p + 1) : 0;
    char c2 = p + 2 < s.length() ? s.charAt(p + 2) : 0;
    if (c0 != '"' && !(c0 == '{' && c1 == '"') && !(c0 == 'C' && c1 == '{')) {
      return 0;
    }
    if (c0 == '"' && c1 == '"' && c2 == '"') {
      open = "\"\"\"";
      close = "\"\"\"";
      name = "long-string";
      multiline = true;
    } else if (c0 == '{' && c1 == '"') {
      open = "{\"";
      close = "\"}";
      name = "long-string";
      multiline = true;
    } else if (c0 == '"') {
      open = "\"";
      close = "\"";
      name = "string";
      multiline = false;
    } else if (c0 == 'C' && c1 == '{') {
      open = "C{";
      close = "}C";
      name = "inline C source";
      multiline = true;
      type = TokenType.CSRC;
    } else {
      return 0;
    }
    int q = s.indexOf(close, p + open.length());
    if (q >= 0 && !multiline) {
      for (int i = p + open.length(); i < q; i++) {
        if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
          q = -1;
          break;
        }
      }
    }
    // VCC reads C strings: a NUL byte ends the source text.
    if (q < 0) {
      throw new VccError(VclRules.UNTERMINATED, "Unterminated " + name + ", starting at",
          token(TokenType.EOI, p, p + open.length(), null));
    }
    int e = q + close.length();
    String decoded = type == TokenType.CSTR ? s.substring(p + open.length(), q) : null;
    tokens.add(token(type, p, e, decoded));
    advanceTo(e, p);
    return e;
  }

  private int number(int p) {
    int n = s.length();
    int q = p;
    while (q < n && isDigit(s.charAt(q))) {
      q++;
    }
    if (q >= n || s.charAt(q) != '.') {
      Token t = token(TokenType.CNUM, p, q, null);
      tokens.add(t);
      if (q - p > 15) {
        throw new VccError(VclRules.SYNTAX, "Too many digits for integer.", t);
      }
      return q;
    }
    int r = q + 1;
    while (r < n && isDigit(s.charAt(r))) {
      r++;
    }
    Token t = token(TokenType.FNUM, p, r, null);
    tokens.add(t);
    if (q - p > 13 || r - (q + 1) > 3) {
      throw new VccError(VclRules.SYNTAX, "Too many digits for real.", t);
    }
    return r;
  }

  /** A BLOB literal, {@code :base64:}, checked as VCC checks it. */
  private int blob(int p) {
    int n = s.length();
    int end = n - (n - (p + 1)) % 4;
    int r = p + 1;
    // VENC_Decode_Base64 stops at the first character outside the base64 alphabet.
    while (r < end && isBase64(s.charAt(r))) {
      r++;
    }
    int padding = r;
    while (r < end && s.charAt(r) == '=') {
      r++;
    }
    if (r >= end) {
      throw new VccError(VclRules.SYNTAX, "Missing colon at end of BLOB:", token(TokenType.CBLOB, p, end + 1, null));
    }
    Token t = token(TokenType.CBLOB, p, r + 1, null);
    char c = s.charAt(r);
    if (padding != r) {
      throw new VccError(VclRules.SYNTAX, "Wrong padding ('=') in BLOB:", t);
    }
    if (c == ':' && ((r - p) % 4) != 1) {
      throw new VccError(VclRules.SYNTAX, "BLOB must have n*4 base64 characters", t);
    }
    if (c != ':') {
      throw new VccError(VclRules.SYNTAX, "Illegal BLOB character:", t);
    }
    tokens.add(t);
    return r + 1;
  }

  private static boolean isBase64(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
  }
}
