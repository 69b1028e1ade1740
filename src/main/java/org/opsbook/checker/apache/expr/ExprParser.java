package org.opsbook.checker.apache.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opsbook.checker.apache.text.IpAddresses;
import org.opsbook.checker.apache.text.Pcre;

/**
 * Parses ap_expr as util_expr_parse.y does (with its precedence: {@code ||} below {@code &&}
 * below {@code !} below {@code .}, all right-associative) and checks names as the lookup hooks
 * do at configuration time. Pure; errors come back as httpd's messages.
 */
public final class ExprParser {
  /** httpd allows this much nesting before its parser stack overflows; opsbook stops earlier. */
  private static final int MAX_DEPTH = 200;

  /**
   * What the expression may use.
   *
   * @param ssl mod_ssl is loaded ({@code SSL_*} variables, {@code PeerExtList})
   * @param ldap mod_ldap is loaded ({@code ldap()})
   * @param restricted in a .htaccess file: no file access
   */
  public record Options(boolean ssl, boolean ldap, boolean restricted) {}

  /** A boolean expression, or httpd's error. */
  public record Result(Expr expr, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  /** A string expression, or httpd's error. */
  public record StringResult(List<Expr.Word> parts, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  private final ExprLexer lexer;
  private final Options options;
  private Token look;
  private int depth;

  private ExprParser(String text, boolean stringResult, Options options) {
    this.lexer = new ExprLexer(text, stringResult);
    this.options = options;
  }

  public static Result parse(String text, Options options) {
    ExprParser p = new ExprParser(text, false, options);
    try {
      p.advance();
      Expr e = p.orExpr();
      p.expect(Token.Type.END);
      return new Result(e, null);
    } catch (ExprException e) {
      return new Result(null, e.getMessage());
    }
  }

  /** A string-valued expression (AP_EXPR_FLAG_STRING_RESULT): text with %{VAR} and functions. */
  public static StringResult parseString(String text, Options options) {
    ExprParser p = new ExprParser(text, true, options);
    try {
      p.advance();
      List<Expr.Word> parts = new ArrayList<>();
      while (p.look.type() != Token.Type.END) {
        parts.add(p.strpart());
      }
      if (parts.isEmpty()) {
        throw new ExprException("syntax error, unexpected $end");
      }
      return new StringResult(parts, null);
    } catch (ExprException e) {
      return new StringResult(List.of(), e.getMessage());
    }
  }

  private void advance() {
    look = lexer.next();
  }

  private Token expect(Token.Type t) {
    if (look.type() != t) {
      throw unexpected();
    }
    Token tok = look;
    advance();
    return tok;
  }

  private ExprException unexpected() {
    return new ExprException("syntax error, unexpected " + look.describe());
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new ExprException("expression nested too deeply");
    }
  }

  private Expr orExpr() {
    enter();
    Expr left = andExpr();
    if (look.type() == Token.Type.OP_OR) {
      advance();
      left = new Expr.Or(left, orExpr());
    }
    depth--;
    return left;
  }

  private Expr andExpr() {
    enter();
    Expr left = notExpr();
    if (look.type() == Token.Type.OP_AND) {
      advance();
      left = new Expr.And(left, andExpr());
    }
    depth--;
    return left;
  }

  private Expr notExpr() {
    if (look.type() == Token.Type.OP_NOT) {
      enter();
      advance();
      Expr inner = notExpr();
      depth--;
      return new Expr.Not(inner);
    }
    return primary();
  }

  private Expr primary() {
    switch (look.type()) {
      case TRUE -> {
        advance();
        return new Expr.True();
      }
      case FALSE -> {
        advance();
        return new Expr.False();
      }
      case LPAREN -> {
        advance();
        Expr e = orExpr();
        expect(Token.Type.RPAREN);
        return e;
      }
      case OP_UNARY -> {
        String op = look.text();
        advance();
        Expr.Word w = word();
        if (!ExprNames.UNARY.contains(op)) {
          throw new ExprException("Unary operator '-" + op + "' does not exist");
        }
        restricted(op, "-");
        IpAddresses.Network net = op.equals("R") ? subnet("R", w) : null;
        return new Expr.Unary(op, w, net);
      }
      default -> {
        return comparison();
      }
    }
  }

  private Expr comparison() {
    Expr.Word left = word();
    Token op = look;
    switch (op.type()) {
      case OP_BINARY -> {
        advance();
        Expr.Word right = word();
        String name = op.text();
        if (!ExprNames.BINARY.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          throw new ExprException("Binary operator '-" + name + "' does not exist");
        }
        IpAddresses.Network net = name.equalsIgnoreCase("ipmatch") ? subnet(name, right) : null;
        return new Expr.Binary(name.toLowerCase(java.util.Locale.ROOT), left, right, net);
      }
      case OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_STR_EQ, OP_STR_NE, OP_STR_LT, OP_STR_LE, OP_STR_GT, OP_STR_GE -> {
        advance();
        return new Expr.Compare(op.type().name(), left, word());
      }
      case OP_IN -> {
        advance();
        return new Expr.In(left, wordlist());
      }
      case OP_REG, OP_NRE -> {
        advance();
        if (look.type() != Token.Type.REGEX && look.type() != Token.Type.REGEX_I) {
          throw unexpected();
        }
        boolean icase = look.type() == Token.Type.REGEX_I;
        String re = look.text();
        advance();
        Pcre.Result compiled = Pcre.compile(re, icase);
        if (!compiled.isValid()) {
          throw new ExprException("Failed to compile regular expression");
        }
        return new Expr.Match(left, re, icase, op.type() == Token.Type.OP_NRE, compiled.pattern());
      }
      default -> throw unexpected();
    }
  }

  private Expr.WordList wordlist() {
    if (look.type() == Token.Type.ID) {
      String name = look.text();
      advance();
      expect(Token.Type.LPAREN);
      Expr.Word arg = word();
      expect(Token.Type.RPAREN);
      if (!ExprNames.isListFunction(name, options.ssl())) {
        throw new ExprException("List-returning function '" + name + "' does not exist");
      }
      return new Expr.ListCall(name, arg);
    }
    expect(Token.Type.LBRACE);
    List<Expr.Word> words = new ArrayList<>();
    words.add(word());
    while (look.type() == Token.Type.COMMA) {
      advance();
      words.add(word());
    }
    expect(Token.Type.RBRACE);
    return new Expr.Words(words);
  }

  private Expr.Word word() {
    enter();
    Expr.Word atom = atom();
    if (look.type() == Token.Type.OP_CONCAT) {
      advance();
      atom = new Expr.Concat(atom, word());
    }
    depth--;
    return atom;
  }

  private Expr.Word atom() {
    switch (look.type()) {
      case DIGIT -> {
        String d = look.text();
        advance();
        return new Expr.Digits(d);
      }
      case VAR_BEGIN -> {
        return var();
      }
      case BACKREF -> {
        int n = look.number();
        advance();
        return new Expr.Backref(n);
      }
      case ID -> {
        String name = look.text();
        advance();
        expect(Token.Type.LPAREN);
        Expr.Word arg = word();
        expect(Token.Type.RPAREN);
        return function(name, arg);
      }
      case STR_BEGIN -> {
        advance();
        if (look.type() == Token.Type.STR_END) {
          advance();
          return new Expr.Literal("");
        }
        Expr.Word s = strpart();
        while (look.type() != Token.Type.STR_END) {
          s = new Expr.Concat(s, strpart());
        }
        advance();
        return s;
      }
      default -> throw unexpected();
    }
  }

  private Expr.Word strpart() {
    switch (look.type()) {
      case STRING -> {
        String s = look.text();
        advance();
        return new Expr.Literal(s);
      }
      case VAR_BEGIN -> {
        return var();
      }
      case BACKREF -> {
        int n = look.number();
        advance();
        return new Expr.Backref(n);
      }
      default -> throw unexpected();
    }
  }

  private Expr.Word var() {
    expect(Token.Type.VAR_BEGIN);
    String name = expect(Token.Type.ID).text();
    if (look.type() == Token.Type.COLON) {
      advance();
      Expr.Word arg = strpart();
      while (look.type() != Token.Type.VAR_END) {
        arg = new Expr.Concat(arg, strpart());
      }
      advance();
      return function(name, arg);
    }
    expect(Token.Type.VAR_END);
    if (!ExprNames.isVariable(name, options.ssl())) {
      throw new ExprException("Variable '" + name + "' does not exist");
    }
    return new Expr.Var(name.toUpperCase(java.util.Locale.ROOT));
  }

  private Expr.Word function(String name, Expr.Word arg) {
    if (!ExprNames.isFunction(name, options.ldap())) {
      throw new ExprException("Function '" + name + "' does not exist");
    }
    restricted(name.toLowerCase(java.util.Locale.ROOT), "");
    return new Expr.Call(name.toLowerCase(java.util.Locale.ROOT), arg);
  }

  private void restricted(String name, String prefix) {
    if (options.restricted() && ExprNames.RESTRICTED.contains(name)) {
      throw new ExprException(prefix + name + " not available in restricted context");
    }
  }

  /** subnet_parse_arg: the argument must be a constant string holding an address or network. */
  private static IpAddresses.Network subnet(String op, Expr.Word w) {
    if (!(w instanceof Expr.Literal lit)) {
      throw new ExprException("-" + op + " requires subnet/netmask as constant argument");
    }
    Optional<IpAddresses.Network> net = IpAddresses.network(lit.text());
    if (net.isEmpty()) {
      throw new ExprException("parsing of subnet/netmask failed");
    }
    return net.get();
  }
}
