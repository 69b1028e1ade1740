package org.opsbook.checker.authkeys;

import org.opsbook.snippet.TestBlockParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TokenKind;

class AuthorizedKeysCheckerTest {
  private static final AuthorizedKeysChecker CHECKER = new AuthorizedKeysChecker();
  private static final CheckContext MARCH_2026 = CheckContext.empty().withNow(Instant.parse("2026-03-14T00:00:00Z"));

  private static String key() throws IOException {
    return Files.readString(Paths.get("src/test/resources/org/opsbook/checker/authkeys/keys/ed25519.pub")).strip();
  }

  private static TestReport run(String keys, String tests) {
    return CHECKER.runTests(Snippet.of("authorized_keys", keys, "a.md", Map.of("id", "k")), TestBlockParser.parse(Snippet.of("test", tests, "a.md", Map.of("for", "k"))).block(), CheckContext.empty());
  }

  @Test
  void testCasesPassWhenTheModelAgrees() throws IOException {
    String keys = "# backup job\nrestrict,command=\"/usr/local/bin/backup\",from=\"198.51.100.7\" " + key() + "\n"
        + "restrict,permitopen=\"localhost:5900\",port-forwarding " + key() + "\n";
    TestReport r = run(keys, """
        key=1 from=198.51.100.7 => allowed, command /usr/local/bin/backup, pty no
        key=1 from=203.0.113.9 => denied
        key=2 from=203.0.113.9 => allowed, port-forwarding yes, permitopen localhost:5900, agent-forwarding no
        """);
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
    assertEquals(3, r.passedCount());
  }

  @Test
  void aWrongExpectationFailsWithTheReason() throws IOException {
    TestReport r = run("from=\"198.51.100.7\" " + key() + "\n", "key=1 from=203.0.113.9 => allowed\n");
    assertEquals(1, r.failedCount());
    assertTrue(r.results().get(0).message().contains("does not admit 203.0.113.9"), r.results().get(0).message());
  }

  @Test
  void unreadableCasesBecomeDiagnosticsInTheTestBlock() throws IOException {
    TestReport r = run(key() + "\n", "key=9 from=1.2.3.4 => allowed\nkey=1 => allowed\n");
    assertEquals(2, r.diagnostics().size());
    assertEquals(1, r.diagnostics().get(0).where().line());
    assertEquals("opsbook.test-syntax", r.diagnostics().get(0).rule().value());
  }

  @Test
  void queryPrintsTheDecisionAndTheRestrictions() throws IOException {
    Snippet s = Snippet.ofFile("authorized_keys", "restrict,pty,from=\"192.0.2.0/24\" " + key() + "\n", "k");
    QueryResult allowed = CHECKER.query(s, "key=1,from=192.0.2.9", CheckContext.empty());
    assertEquals("""
        decision allowed
        agent-forwarding no
        port-forwarding no
        pty yes
        user-rc no
        x11-forwarding no
        permitopen any
        permitlisten any
        """, allowed.output());
    QueryResult denied = CHECKER.query(s, "key=1 from=198.51.100.1", CheckContext.empty());
    assertTrue(denied.output().startsWith("decision denied\nreason from=\"192.0.2.0/24\" does not admit"), denied.output());
    assertTrue(CHECKER.query(s, "from=1.2.3.4", CheckContext.empty()).hasErrors());
  }

  @Test
  void expiryIsJudgedAtTheBuildsClockNotTheDayTheTestRuns() throws IOException {
    Snippet s = Snippet.ofFile("authorized_keys", "expiry-time=\"20260101\" " + key() + "\n", "k");
    assertEquals(List.of("authkeys.expired"),
        CHECKER.check(s, MARCH_2026).stream().map(d -> d.rule().value()).toList());
    assertEquals(List.of(), CHECKER.check(s, CheckContext.empty().withNow(Instant.parse("2025-12-31T23:59:59Z"))));
  }

  @Test
  void highlightsOptionsTypeKeyAndComment() throws IOException {
    String text = "no-pty,command=\"x\" " + key() + "\n";
    List<HighlightToken> tokens = CHECKER.highlight(text, "authorized_keys");
    assertEquals(TokenKind.OPTION, tokens.get(0).kind());
    assertEquals("no-pty", text.substring(tokens.get(0).start(), tokens.get(0).end()));
    assertTrue(tokens.stream().anyMatch(t -> t.kind() == TokenKind.KEYWORD
        && text.substring(t.start(), t.end()).equals("ssh-ed25519")));
    assertEquals(TokenKind.COMMENT, tokens.get(tokens.size() - 1).kind());
  }

  @Test
  void reportsPositionsInTheMarkdownFile() throws IOException {
    Snippet s = new Snippet("authorized_keys", "bogus " + key() + "\n",
        new org.opsbook.diag.SourceSpan("a.md", 10, 1), 2, new java.util.TreeMap<>(), new org.opsbook.diag.SourceSpan("a.md", 9, 1));
    var d = CHECKER.check(s, CheckContext.empty());
    assertEquals(10, d.get(0).where().line());
    assertEquals(3, d.get(0).where().column());
  }
}
