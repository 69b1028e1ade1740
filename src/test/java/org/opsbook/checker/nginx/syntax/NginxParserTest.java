package org.opsbook.checker.nginx.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Snippet;
import org.opsbook.checker.nginx.model.Arg;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Source;

class NginxParserTest {
  private static ParsedText parse(String text) {
    return NginxParser.parse(new Source("t", Snippet.ofFile("nginx", text, "t"), true), false);
  }

  private static List<String> args(Directive d) {
    return d.args().stream().map(Arg::value).toList();
  }

  @Test
  void aHashInsideAWordIsNotAComment() {
    Directive d = parse("set $a b#c; # comment\n").directives().get(0);
    assertEquals(List.of("$a", "b#c"), args(d));
  }

  @Test
  void quotesOpenOnlyAtTheStartOfAWordAndEscapesAreNginxs() {
    Directive d = parse("return 200 a\"b \"x\\ty\\\"z\" 'q;{' \\;;\n").directives().get(0);
    assertEquals(List.of("200", "a\"b", "x\ty\"z", "q;{", "\\;"), args(d));
  }

  @Test
  void aBraceAfterADollarBelongsToTheWord() {
    Directive d = parse("root ${base}/html;\n").directives().get(0);
    assertEquals(List.of("${base}/html"), args(d));
    assertTrue(d.block() == null);
  }

  @Test
  void aClosingBraceInsideAWordIsText() {
    ParsedText p = parse("server { listen a}b; }\n");
    assertTrue(p.error().isEmpty());
    assertEquals(List.of("a}b"), args(p.directives().get(0).block().get(0)));
  }

  @Test
  void textRightAfterAClosingQuoteIsRefusedAtItsLine() {
    ParsedText p = parse("a 1;\nadd_header X \"v\"w;\n");
    assertEquals("unexpected \"w\"", p.error().orElseThrow().message());
    assertEquals(2, p.error().orElseThrow().line());
    assertEquals(1, p.directives().size());
  }

  @Test
  void aMissingSemicolonIsNoticedAtTheNextTerminator() {
    ParsedText p = parse("server {\n    listen 80\n    server_name a;\n}\n");
    Directive listen = p.directives().get(0).block().get(0);
    assertEquals(List.of("80", "server_name", "a"), args(listen));
    assertEquals(2, listen.line());
    assertEquals(3, listen.endLine());
  }

  @Test
  void theEndInsideABlockIsAnErrorUnlessTheTextIsAnExcerpt() {
    String text = "server {\n    listen 80;\n";
    assertEquals("unexpected end of file, expecting \"}\"", parse(text).error().orElseThrow().message());
    assertEquals(3, parse(text).error().orElseThrow().line());
    assertTrue(NginxParser.parse(new Source("t", Snippet.ofFile("nginx", text, "t"), true), true).error().isEmpty());
  }

  @Test
  void aStrayClosingBraceAndALonelySemicolonAreRefused() {
    assertEquals("unexpected \"}\"", parse("a 1;\n}\n").error().orElseThrow().message());
    assertEquals("unexpected \";\"", parse(";\n").error().orElseThrow().message());
    assertEquals("unexpected end of file, expecting \";\" or \"}\"", parse("listen 80").error().orElseThrow().message());
  }
}
