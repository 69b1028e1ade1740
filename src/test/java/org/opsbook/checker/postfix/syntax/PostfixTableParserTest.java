package org.opsbook.checker.postfix.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.checker.postfix.model.Finding;
import org.opsbook.checker.postfix.model.IfRule;
import org.opsbook.checker.postfix.model.MatchRule;
import org.opsbook.checker.postfix.model.TableKind;

class PostfixTableParserTest {
  private static PostfixTableParser.Output parse(String text, TableKind kind) {
    return PostfixTableParser.parse(List.of(text.split("\n", -1)), kind);
  }

  @Test
  void joinsContinuationLinesWithoutNewlinesAndDropsCommentsInside() {
    var out = parse("/^a/\n# note\n  REJECT one\n\n\tand two", TableKind.PCRE);
    MatchRule rule = (MatchRule) out.parsed().table().rules().get(0);
    assertEquals("REJECT one\tand two", rule.result());
    assertEquals(List.of(), out.parsed().findings());
  }

  @Test
  void reportsAnUnclosedGroupAtItsParenthesis() {
    var out = parse("# x\n/^Subject: (.*$/ REPLACE Subject: $1", TableKind.PCRE);
    Finding f = out.parsed().findings().get(0);
    assertEquals("postfix.bad-regex", f.rule());
    assertEquals(2, f.line());
    assertEquals(12, f.column());
    assertTrue(out.parsed().table().rules().isEmpty(), "Postfix skips the rule");
  }

  @Test
  void reportsPatternProblemsOnTheirContinuationLine() {
    var out = parse("if\n  /b(/", TableKind.REGEXP);
    Finding f = out.parsed().findings().get(0);
    assertEquals(2, f.line());
    assertEquals(5, f.column());
  }

  @Test
  void acceptsAlternativeDelimitersAndEscapedDelimiters() {
    var out = parse("|^a/b| A\n/^c\\/d/ B\n!!%e% C", TableKind.PCRE);
    assertEquals(List.of(), out.parsed().findings());
    assertEquals("^c\\/d", ((MatchRule) out.parsed().table().rules().get(1)).first().body());
    assertTrue(!((MatchRule) out.parsed().table().rules().get(2)).first().negated());
  }

  @Test
  void linksNestedIfsToTheirEndifs() {
    var out = parse("if /a/\nIF !/b/\n/c/ C\nendif\nENDIF", TableKind.PCRE);
    var rules = out.parsed().table().rules();
    assertEquals(4, ((IfRule) rules.get(0)).endifIndex());
    assertEquals(3, ((IfRule) rules.get(1)).endifIndex());
    assertTrue(((IfRule) rules.get(1)).pattern().negated());
  }

  @Test
  void aSkippedIfLeavesItsEndifUnmatched() {
    var out = parse("if /(/\n/a/ A\nendif", TableKind.PCRE);
    assertEquals(List.of("postfix.bad-regex", "postfix.unbalanced-if"),
        out.parsed().findings().stream().map(Finding::rule).toList());
  }

  @Test
  void regexpFlagsStopAtTheSecondPattern() {
    var out = parse("/a/i!/b/m R", TableKind.REGEXP);
    MatchRule rule = (MatchRule) out.parsed().table().rules().get(0);
    assertEquals("i", rule.first().flags());
    assertEquals("m", rule.second().flags());
  }

  @Test
  void pcreRejectsRegexpOnlyFlags() {
    var out = parse("/a/i!/b/ R", TableKind.PCRE);
    assertEquals("postfix.unknown-flag", out.parsed().findings().get(0).rule());
  }
}
