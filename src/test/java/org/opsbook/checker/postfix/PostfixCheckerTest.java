package org.opsbook.checker.postfix;

import org.opsbook.snippet.TestBlockParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TokenKind;

class PostfixCheckerTest {
  private final PostfixChecker checker = new PostfixChecker();

  private static final String ANON =
      "/^\\s*(Received: from)[^\\n]*(.*)/ REPLACE $1 [127.0.0.1] (localhost [127.0.0.1])$2\n"
          + "/^X-Mailer:/ IGNORE\n";

  private static Snippet table(String text) {
    return Snippet.of("header_checks", text, "a.md", Map.of("id", "anon"));
  }

  @Test
  void isRegisteredForEveryLanguage() {
    CheckerRegistry registry = CheckerRegistry.load();
    for (String lang : List.of("postfix-pcre", "postfix-regexp", "header_checks", "body_checks",
        "mime_header_checks", "nested_header_checks", "postfix-header-checks")) {
      assertEquals("postfix", registry.forLanguage(lang).orElseThrow().id(), lang);
    }
  }

  @Test
  void passesTheFoldedReceivedHeaderExample() {
    String tests = String.join("\n",
        "Received: from foo.example (host.example.net [198.51.100.200])",
        "        by mail.example.org (Postfix) with ESMTPA id BAB8A1A0224",
        "        for <user@example.com>; Sun, 24 Nov 2013 15:47:50 +0100",
        "=> REPLACE Received: from [127.0.0.1] (localhost [127.0.0.1])",
        "        by mail.example.org (Postfix) with ESMTPA id BAB8A1A0224",
        "        for <user@example.com>; Sun, 24 Nov 2013 15:47:50 +0100",
        "X-Mailer: Thunderbird => ignore",
        "Subject: hello => no match", "");
    TestReport report = checker.runTests(table(ANON), TestBlockParser.parse(Snippet.of("test", tests, "a.md", Map.of())).block(), CheckContext.empty());
    assertEquals(List.of(), report.diagnostics());
    assertEquals(3, report.results().size());
    assertEquals(3, report.passedCount(), report.results().toString());
  }

  @Test
  void failsACaseWhoseClaimIsWrongAndSaysWhatHappened() {
    String tests = "Received: from a (b [192.0.2.1])\n\tby c\n=> REPLACE Received: from [127.0.0.1]\n";
    TestReport report = checker.runTests(table(ANON), TestBlockParser.parse(Snippet.of("test", tests, "a.md", Map.of())).block(), CheckContext.empty());
    assertEquals(1, report.failedCount());
    assertTrue(report.results().get(0).message().contains("(localhost [127.0.0.1])\\n\\tby c"),
        report.results().get(0).message());
  }

  @Test
  void testBlockSyntaxErrorsAreThePipelinesUnderTheOldIdToo() {
    // The pipeline reads every test block now; postfix.test-syntax names its one rule.
    var read = TestBlockParser.parse(Snippet.of("test", "Subject: no arrow\n", "a.md", Map.of()));
    assertEquals("opsbook.test-syntax", read.problems().get(0).rule().value());
    assertTrue(org.opsbook.check.CoreRules.ALL.stream()
        .anyMatch(r -> r.id().equals(read.problems().get(0).rule()) && r.aliases().contains("postfix.test-syntax")));
  }

  @Test
  void queryPrintsTheResultLikePostmap() {
    QueryResult found = checker.query(table(ANON), "X-Mailer: x", CheckContext.empty());
    assertTrue(found.found());
    assertEquals("IGNORE\n", found.output());
    QueryResult none = checker.query(table(ANON), "Subject: x", CheckContext.empty());
    assertFalse(none.found());
    assertEquals("", none.output());
  }

  @Test
  void highlightsDelimitersPatternFlagsActionAndVariables() {
    String text = "/^Subject: (.*)/i REPLACE Subject: $1\n# c\n";
    List<TokenKind> kinds = checker.highlight(text, "header_checks").stream().map(HighlightToken::kind).toList();
    assertEquals(List.of(TokenKind.PUNCTUATION, TokenKind.STRING, TokenKind.PUNCTUATION, TokenKind.OPTION,
        TokenKind.TARGET, TokenKind.VALUE, TokenKind.VARIABLE, TokenKind.COMMENT), kinds);
  }

  @Test
  void everyReportedRuleIsInTheCatalogue() {
    var ids = checker.rules().stream().map(r -> r.id().value()).toList();
    String text = "/(/ X\n/a/q X\n/b/ $2\nfoo\n/c/ DROP\n";
    checker.check(table(text), CheckContext.empty())
        .forEach(d -> assertTrue(ids.contains(d.rule().value()), d.rule().value()));
  }

  @Test
  void mapAttributeSelectsRegexpSemanticsForHeaderChecks() {
    String text = "/^(Received: from)[^\\n]*(.*)/ REPLACE $1 x$2\n";
    Snippet pcre = Snippet.of("header_checks", text, "a.md", Map.of());
    Snippet regexp = Snippet.of("header_checks", text, "a.md", Map.of("map", "regexp"));
    String key = "Received: from unknown";
    assertEquals("REPLACE Received: from x\n", checker.query(pcre, key, CheckContext.empty()).output());
    assertEquals("REPLACE Received: from xnknown\n", checker.query(regexp, key, CheckContext.empty()).output());
  }

  @Test
  void highlightTokensAreOrderedAndInsideTheText() throws Exception {
    for (String name : List.of("rules/actions.header_checks", "rules/lint.header_checks", "rules/parser.header_checks",
        "oracle/headers.pcre", "oracle/traps.regexp", "oracle/conditions.pcre")) {
      String text;
      try (var in = getClass().getResourceAsStream(name)) {
        text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      int last = 0;
      for (HighlightToken t : checker.highlight(text, "header_checks")) {
        assertTrue(t.start() >= last && t.end() <= text.length() && t.end() > t.start(), name + ": " + t);
        last = t.end();
      }
    }
  }
}
