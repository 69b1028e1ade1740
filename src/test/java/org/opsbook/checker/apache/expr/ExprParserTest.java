package org.opsbook.checker.apache.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExprParserTest {
  private static final ExprParser.Options OPTIONS = new ExprParser.Options(true, false, false);

  private static Expr parse(String text) {
    ExprParser.Result r = ExprParser.parse(text, OPTIONS);
    assertTrue(r.ok(), text + ": " + r.error());
    return r.expr();
  }

  private static String error(String text) {
    ExprParser.Result r = ExprParser.parse(text, OPTIONS);
    assertTrue(!r.ok(), text + " should be refused");
    return r.error();
  }

  @Test
  void andBindsTighterThanOrAndNotTighterThanAnd() {
    Expr e = parse("true || false && ! true");
    Expr.Or or = assertInstanceOf(Expr.Or.class, e);
    Expr.And and = assertInstanceOf(Expr.And.class, or.right());
    assertInstanceOf(Expr.Not.class, and.right());
  }

  @Test
  void namesHttpdDoesNotKnowAreRefusedWithItsMessages() {
    assertEquals("Variable 'REQUEST_URL' does not exist", error("%{REQUEST_URL} == '/'"));
    assertEquals("Function 'lower' does not exist", error("lower(%{HTTP_HOST}) == 'a'"));
    assertEquals("Unary operator '-q' does not exist", error("-q 'x'"));
    assertEquals("Binary operator '-ipmatches' does not exist", error("%{REMOTE_ADDR} -ipmatches '10.0.0.0/8'"));
  }

  @Test
  void scannerErrorsAreHttpds() {
    assertEquals("Invalid character in variable name ' '", error("%{ REQUEST_URI} == '/'"));
    assertEquals("Bad escape sequence", error("'\\9' == 'x'"));
    assertEquals("Parse error near '#'", error("# == 'x'"));
    assertTrue(error("%{REQUEST_URI} =~ admin").startsWith("syntax error, unexpected"));
  }

  @Test
  void dashRNeedsAConstantSubnet() {
    assertEquals("-R requires subnet/netmask as constant argument", error("-R %{REMOTE_ADDR}"));
    assertEquals("parsing of subnet/netmask failed", error("-R '10.0.0.0/33'"));
    parse("-R '2001:db8::/32' || -R '192.0.2.1'");
  }

  @Test
  void regexesMayUseOtherDelimitersAndIgnoreCase() {
    Expr.Match m = assertInstanceOf(Expr.Match.class, parse("%{HTTP_HOST} =~ m#^WWW\\.#i"));
    assertTrue(m.ignoreCase());
    assertEquals("^WWW\\.", m.regex());
  }

  @Test
  void fileOperatorsAreRestrictedInHtaccess() {
    ExprParser.Result r = ExprParser.parse("-f '/etc/passwd'", new ExprParser.Options(false, false, true));
    assertEquals("-f not available in restricted context", r.error());
  }

  @Test
  void evaluationUsesTheContext() {
    ExprContext ctx = new ExprContext() {
      @Override
      public java.util.Optional<String> variable(String name) {
        return java.util.Optional.of(name.equals("REQUEST_URI") ? "/shop/cart" : "");
      }

      @Override
      public java.util.Optional<String> function(String name, String arg) {
        return java.util.Optional.empty();
      }

      @Override
      public java.util.Optional<Boolean> clientIn(org.opsbook.checker.apache.text.IpAddresses.Network n) {
        return java.util.Optional.of(false);
      }

      @Override
      public java.util.Optional<Boolean> file(String op, String path) {
        return java.util.Optional.empty();
      }

      @Override
      public String cannot() {
        return "no files";
      }
    };
    ExprEvaluator ev = new ExprEvaluator(ctx);
    assertTrue(ev.test(parse("%{REQUEST_URI} =~ m#^/(shop)/# && $1 == 'shop'")));
    assertTrue(ev.test(parse("! -R '10.0.0.0/8' && toupper('a') == 'A'")));
    org.junit.jupiter.api.Assertions.assertThrows(ExprEvaluator.Unknown.class, () -> ev.test(parse("-f '/x'")));
  }
}
