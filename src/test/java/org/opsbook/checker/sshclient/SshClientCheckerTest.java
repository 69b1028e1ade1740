package org.opsbook.checker.sshclient;

import org.opsbook.snippet.TestBlockParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opsbook.testing.Golden;
import org.opsbook.check.CheckContext;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TokenKind;
import org.opsbook.diag.Diagnostic;

class SshClientCheckerTest {
  private static final SshClientChecker CHECKER = new SshClientChecker();
  private static final Path GOLDEN = Paths.get("src/test/resources/org/opsbook/checker/sshclient/golden");

  private static final String CONFIG = """
      Host bastion
          HostName 203.0.113.10
          User alice
      Host desk
          HostName 10.20.0.15
          ProxyJump bastion
          LocalForward 3389 127.0.0.1:3389
      Host *
          ServerAliveInterval 30
      """;

  private static TestReport run(String config, String tests) {
    return CHECKER.runTests(Snippet.of("ssh_config", config, "a.md", Map.of("id", "c")), TestBlockParser.parse(Snippet.of("test", tests, "a.md", Map.of("for", "c"))).block(), CheckContext.empty());
  }

  @Test
  void testCasesCompareWithWhatSshMinusGWouldPrint() {
    TestReport r = run(CONFIG, """
        host=bastion user=bob => hostname 203.0.113.10, user bob, proxyjump none
        host=desk => proxyjump bastion, localforward 3389 [127.0.0.1]:3389, serveraliveinterval 30
        host=other => hostname other, user user, port 22
        """);
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
    assertEquals(3, r.passedCount(), r.results().toString());
  }

  @Test
  void aWrongExpectationFailsAndSaysWhatSshWouldPrint() {
    TestReport r = run(CONFIG, "host=desk => hostname 10.20.0.99\n");
    assertEquals(1, r.failedCount());
    assertTrue(r.results().get(0).message().contains("10.20.0.15"), r.results().get(0).message());
  }

  @Test
  void aConfigWithErrorsFailsEveryCase() {
    TestReport r = run("Host x\n  Prot 22\n", "host=x => port 22\n");
    assertEquals(1, r.failedCount());
    assertTrue(r.results().get(0).message().contains("refuses"));
  }

  @Test
  void malformedCasesAreDiagnosticsAtTheirLine() {
    Snippet tests = Snippet.of("test", "\nuser=alice => port 22\nhost=x port 22\n", "a.md", Map.of("for", "s"));
    TestBlockParser.Result read = TestBlockParser.parse(tests);
    TestReport r = CHECKER.runTests(Snippet.of("ssh_config", CONFIG, "a.md", Map.of("id", "s")), read.block(),
        CheckContext.empty());
    List<Diagnostic> all = new java.util.ArrayList<>(read.problems());
    all.addAll(r.diagnostics());
    all.sort(null);
    assertEquals(2, all.size(), all.toString());
    assertEquals(2, all.get(0).where().line());
    assertEquals(3, all.get(1).where().line());
  }

  @Test
  void queryPrintsTheWholeEffectiveConfiguration() {
    QueryResult q = CHECKER.query(Snippet.ofFile("ssh_config", CONFIG, "c"), "host=desk", CheckContext.empty());
    assertTrue(q.found());
    assertTrue(q.output().startsWith("host desk\nuser user\nhostname 10.20.0.15\nport 22\n"), q.output());
    assertTrue(q.output().contains("\nproxyjump bastion\n"));
  }

  @Test
  void queryOnABrokenConfigExplainsInsteadOfAnswering() {
    QueryResult q = CHECKER.query(Snippet.ofFile("ssh_config", "Foo bar\n", "c"), "host=x", CheckContext.empty());
    assertFalse(q.found());
    assertTrue(q.hasErrors());
  }

  @Test
  void theVersionOptionDecidesWhetherNewKeywordsExist() {
    Snippet s = Snippet.ofFile("ssh_config", "Tag prod\n", "c");
    assertEquals("ssh.keyword-too-new", CHECKER.check(s, CheckContext.empty()).get(0).rule().value());
    CheckContext v96 = CheckContext.of(Map.of("ssh.version", "9.6"));
    assertTrue(CHECKER.check(s, v96).isEmpty());
    CheckContext v85 = CheckContext.of(Map.of("ssh.version", "8.4"));
    assertEquals("ssh.keyword-too-new",
        CHECKER.check(Snippet.ofFile("ssh_config", "LogVerbose none\n", "c"), v85).get(0).rule().value());
  }

  @Test
  void anUnreadableVersionIsReportedAndTheDefaultUsed() {
    CheckContext bad = CheckContext.of(Map.of("ssh.version", "nine"));
    List<Diagnostic> d = CHECKER.check(Snippet.ofFile("ssh_config", "User a\n", "c"), bad);
    assertEquals("ssh.bad-version-option", d.get(0).rule().value());
  }

  @Test
  void suggestsTheKeywordATypoWasMeantToBe() {
    Diagnostic d = CHECKER.check(Snippet.ofFile("ssh_config", "HostNmae x\n", "c"), CheckContext.empty()).get(0);
    assertTrue(d.hint().contains("did you mean Hostname?"), d.hint());
  }

  @Test
  void highlightsHeadersKeywordsValuesAndComments() {
    String text = "Host desk # office\n  Port 2222\n# note\n";
    List<HighlightToken> t = CHECKER.highlight(text, "ssh_config");
    assertEquals(TokenKind.SECTION, t.get(0).kind());
    assertEquals(TokenKind.ADDRESS, t.get(1).kind());
    assertEquals(TokenKind.COMMENT, t.get(2).kind());
    assertEquals("# office", text.substring(t.get(2).start(), t.get(2).end()));
    assertEquals(TokenKind.KEYWORD, t.get(3).kind());
    assertEquals(TokenKind.NUMBER, t.get(4).kind());
    assertEquals(TokenKind.COMMENT, t.get(5).kind());
  }

  @Test
  void diagnosticsOfTheShowcaseMatchTheGoldenFile() throws IOException {
    String input = Files.readString(GOLDEN.resolve("showcase.input"), StandardCharsets.UTF_8);
    String actual = CHECKER.check(Snippet.ofFile("ssh_config", input, "showcase.input"), CheckContext.empty())
        .stream().map(d -> d + (d.hint() == null ? "" : "\n    hint: " + d.hint()))
        .collect(Collectors.joining("\n", "", "\n"));
    Golden.assertMatches("org/opsbook/checker/sshclient/golden/showcase.expected", actual);
  }
}
