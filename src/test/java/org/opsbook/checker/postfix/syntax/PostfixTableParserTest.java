package org.opsbook.checker.postfix.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.postfix.engine.EngineChoice;
import org.opsbook.checker.postfix.engine.Engines;
import org.opsbook.checker.postfix.model.IfRule;
import org.opsbook.checker.postfix.model.MatchRule;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableKind;
import org.opsbook.checker.postfix.model.TableUse;
import org.opsbook.diag.Diagnostic;

class PostfixTableParserTest {
  /** A parsed table and what the parser reported, positioned as in a file whose line 1 is the table's. */
  private record Output(Table table, List<Diagnostic> findings) {}

  private static Output parse(String text, TableKind kind) {
    Findings findings = new Findings(Snippet.ofFile("postfix-pcre", text, "t"));
    Table table = PostfixTableParser.parse(List.of(text.split("\n", -1)), 1, kind, TableUse.LOOKUP,
        Engines.of(kind, EngineChoice.AUTO), findings);
    return new Output(table, findings.diagnostics());
  }

  @Test
  void joinsContinuationLinesWithoutNewlinesAndDropsCommentsInside() {
    var out = parse("/^a/\n# note\n  REJECT one\n\n\tand two", TableKind.PCRE);
    MatchRule rule = (MatchRule) out.table().rules().get(0);
    assertEquals("REJECT one\tand two", rule.result());
    assertEquals(List.of(), out.findings());
  }

  @Test
  void reportsAnUnclosedGroupAtItsParenthesis() {
    var out = parse("# x\n/^Subject: (.*$/ REPLACE Subject: $1", TableKind.PCRE);
    Diagnostic f = out.findings().get(0);
    assertEquals("postfix.bad-regex", f.rule().value());
    assertEquals(2, f.where().line());
    assertEquals(12, f.where().column());
    assertTrue(out.table().rules().isEmpty(), "Postfix skips the rule");
  }

  @Test
  void reportsPatternProblemsOnTheirContinuationLine() {
    var out = parse("if\n  /b(/", TableKind.REGEXP);
    Diagnostic f = out.findings().get(0);
    assertEquals(2, f.where().line());
    assertEquals(5, f.where().column());
  }

  @Test
  void acceptsAlternativeDelimitersAndEscapedDelimiters() {
    var out = parse("|^a/b| A\n/^c\\/d/ B\n!!%e% C", TableKind.PCRE);
    assertEquals(List.of(), out.findings());
    assertEquals("^c\\/d", ((MatchRule) out.table().rules().get(1)).first().body());
    assertTrue(!((MatchRule) out.table().rules().get(2)).first().negated());
  }

  @Test
  void linksNestedIfsToTheirEndifs() {
    var out = parse("if /a/\nIF !/b/\n/c/ C\nendif\nENDIF", TableKind.PCRE);
    var rules = out.table().rules();
    assertEquals(4, ((IfRule) rules.get(0)).endifIndex());
    assertEquals(3, ((IfRule) rules.get(1)).endifIndex());
    assertTrue(((IfRule) rules.get(1)).pattern().negated());
  }

  @Test
  void aSkippedIfLeavesItsEndifUnmatched() {
    var out = parse("if /(/\n/a/ A\nendif", TableKind.PCRE);
    assertEquals(List.of("postfix.bad-regex", "postfix.unbalanced-if"),
        out.findings().stream().map(d -> d.rule().value()).toList());
  }

  @Test
  void regexpFlagsStopAtTheSecondPattern() {
    var out = parse("/a/i!/b/m R", TableKind.REGEXP);
    MatchRule rule = (MatchRule) out.table().rules().get(0);
    assertEquals("i", rule.first().flags());
    assertEquals("m", rule.second().flags());
  }

  @Test
  void pcreRejectsRegexpOnlyFlags() {
    var out = parse("/a/i!/b/ R", TableKind.PCRE);
    assertEquals("postfix.unknown-flag", out.findings().get(0).rule().value());
  }
}
