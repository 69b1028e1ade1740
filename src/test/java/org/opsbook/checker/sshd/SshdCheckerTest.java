package org.opsbook.checker.sshd;

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
import org.opsbook.check.TokenKind;
import org.opsbook.diag.Diagnostic;

class SshdCheckerTest {
  private final SshdChecker checker = new SshdChecker();

  private List<String> rules(String text, Map<String, String> attrs, CheckContext ctx) {
    return checker.check(Snippet.of("sshd_config", text, "a.md", attrs), ctx).stream()
        .map(d -> d.rule().value()).toList();
  }

  @Test
  void isRegisteredForBothLanguageNames() {
    CheckerRegistry registry = CheckerRegistry.load();
    assertEquals("sshd", registry.forLanguage("sshd_config").orElseThrow().id());
    assertEquals("sshd", registry.forLanguage("sshd").orElseThrow().id());
  }

  @Test
  void wholeFileRulesStayQuietForFragments() {
    String text = "X11Forwarding no\n";
    assertTrue(rules(text, Map.of(), CheckContext.empty()).contains("sshd.missing-access-list"));
    assertFalse(rules(text, Map.of("fragment", "true"), CheckContext.empty()).contains("sshd.missing-access-list"));
  }

  @Test
  void theTargetReleaseComesFromTheSshdVersionOption() {
    CheckContext old = CheckContext.of(Map.of("sshd.version", "8.4p1"));
    assertTrue(rules("PerSourceMaxStartups 4\n", Map.of("fragment", "true"), old).contains("sshd.keyword-not-in-release"));
    assertTrue(rules("PerSourceMaxStartups 4\n", Map.of("fragment", "true"), CheckContext.empty()).isEmpty());
    CheckContext bad = CheckContext.of(Map.of("sshd.version", "latest"));
    assertEquals(List.of("sshd.bad-option"), rules("Port 22\n", Map.of("fragment", "true"), bad));
  }

  @Test
  void diagnosticsArePositionedInTheMarkdownFile() {
    Snippet s = new Snippet("sshd_config", "Port 22\n  PermitRootLogn no\n",
        new org.opsbook.diag.SourceSpan("content/a/index.md", 40, 1), 2, new java.util.TreeMap<>(Map.of("fragment", "true")),
        new org.opsbook.diag.SourceSpan("content/a/index.md", 39, 3));
    Diagnostic d = checker.check(s, CheckContext.empty()).get(0);
    assertEquals("content/a/index.md:41:5", d.where().toString());
  }

  @Test
  void answersQueriesWithSshdTLines() {
    Snippet s = Snippet.of("sshd_config", "Match User alice\n  X11Forwarding yes\n", "a.md", Map.of());
    QueryResult yes = checker.query(s, "user=alice,addr=192.0.2.1", CheckContext.empty());
    assertTrue(yes.found());
    assertTrue(yes.output().contains("\nx11forwarding yes\n"), yes.output());
    assertTrue(yes.output().startsWith("port 22\naddressfamily any\n"));
    assertTrue(checker.query(s, "user=bob", CheckContext.empty()).output().contains("\nx11forwarding no\n"));
    QueryResult bad = checker.query(s, "name=alice", CheckContext.empty());
    assertTrue(bad.hasErrors());
  }

  @Test
  void refusesToQueryAConfigurationSshdWouldNotLoad() {
    Snippet s = Snippet.of("sshd_config", "PermitRootLogn no\n", "a.md", Map.of());
    QueryResult r = checker.query(s, "user=alice", CheckContext.empty());
    assertTrue(r.hasErrors());
    assertEquals("sshd.unknown-keyword", r.diagnostics().get(0).rule().value());
  }

  @Test
  void highlightsKeywordsValuesCommentsAndMatchLines() {
    String text = "# hardened\nPort 2222\nMatch User alice Address 192.0.2.0/24\n  ChrootDirectory /srv/%u # jail\n";
    List<HighlightToken> tokens = checker.highlight(text, "sshd_config");
    List<String> seen = tokens.stream().map(t -> t.kind() + ":" + text.substring(t.start(), t.end())).toList();
    assertEquals(List.of("COMMENT:# hardened", "KEYWORD:Port", "NUMBER:2222", "SECTION:Match", "OPTION:User",
        "VALUE:alice", "OPTION:Address", "ADDRESS:192.0.2.0/24", "KEYWORD:ChrootDirectory", "VARIABLE:/srv/%u",
        "COMMENT:# jail"), seen);
    for (int i = 1; i < tokens.size(); i++) {
      assertTrue(tokens.get(i).start() >= tokens.get(i - 1).end(), "tokens overlap");
    }
    assertEquals(TokenKind.COMMENT, tokens.get(0).kind());
  }
}
