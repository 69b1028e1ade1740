package org.opsbook.checker.apache;

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
import org.opsbook.diag.Diagnostic;

class ApacheCheckerTest {
  private final ApacheChecker checker = new ApacheChecker();

  @Test
  void isRegisteredForItsLanguages() {
    CheckerRegistry registry = CheckerRegistry.load();
    for (String lang : List.of("apache", "apacheconf", "httpd", "apache2")) {
      assertEquals("apache", registry.forLanguage(lang).orElseThrow().id(), lang);
    }
  }

  @Test
  void theModuleSetOptionChangesWhatIsKnown() {
    Snippet s = Snippet.of("apache", "ExpiresActive On\n", "a.conf", Map.of());
    assertEquals("apache.unknown-directive", checker.check(s, CheckContext.empty()).get(0).rule().value());
    assertEquals(List.of(), checker.check(s, CheckContext.of(Map.of("apache.modules", "+expires"))));
    assertTrue(checker.options().get(0).problem("rewrite,nosuchmodule").isPresent());
    assertTrue(checker.options().get(0).problem("+expires,-status").isEmpty());
  }

  @Test
  void theUnknownDirectiveHintNamesTheModule() {
    Diagnostic d = checker.check(Snippet.of("apache", "RemoteIPHeader X-Forwarded-For\n", "a.conf", Map.of()),
        CheckContext.empty()).get(0);
    assertTrue(d.hintText().orElseThrow().contains("a2enmod remoteip"), d.toString());
    Diagnostic typo = checker.check(Snippet.of("apache", "DocumentRot /srv\n", "a.conf", Map.of()), CheckContext.empty()).get(0);
    assertEquals("did you mean DocumentRoot?", typo.hintText().orElseThrow());
  }

  @Test
  void anUnknownContextAttributeIsRefused() {
    List<Diagnostic> d = checker.check(Snippet.of("apache", "Require all granted\n", "a.md", Map.of("context", "location")),
        CheckContext.empty());
    assertEquals("opsbook.attribute", d.get(0).rule().value());
  }

  @Test
  void aQueryPrintsTheTraceAndTheAnswer() {
    String conf = "<VirtualHost *:80>\nServerName a.example.org\nRedirect permanent / https://a.example.org/\n</VirtualHost>\n";
    QueryResult r = checker.query(Snippet.of("apache", conf, "a.conf", Map.of()), "GET http://a.example.org/x?y=1",
        CheckContext.empty());
    assertTrue(r.found());
    assertTrue(r.output().endsWith("301 https://a.example.org/x?y=1, vhost a.example.org\n"), r.output());
  }

  @Test
  void aCaseTheModelCannotEvaluateFailsAndSaysSo() {
    String conf = "RewriteEngine On\nRewriteCond %{TIME_HOUR} -lt7\nRewriteRule ^ - [R=503]\n";
    TestReport r = Ask.tests(conf, "GET http://a/ => 503\n", Map.of());
    assertFalse(r.results().get(0).passed());
    assertTrue(r.results().get(0).message().contains("cannot evaluate"), r.results().get(0).message());
  }

  @Test
  void anUnreadableQuestionIsATestSyntaxProblem() {
    TestReport r = Ask.tests("ServerName a\n", "FETCH a => 200\n", Map.of());
    assertEquals("opsbook.test-syntax", r.diagnostics().get(0).rule().value());
  }

  @Test
  void highlightsDirectivesSectionsStringsAndVariables() {
    String text = "# c\n<VirtualHost *:80>\n  RewriteRule ^ \"%{REQUEST_URI}\" [R=301,L]\n</VirtualHost>\n";
    List<TokenKind> kinds = checker.highlight(text, "apache").stream().map(HighlightToken::kind).toList();
    assertEquals(List.of(TokenKind.COMMENT, TokenKind.SECTION, TokenKind.SECTION, TokenKind.KEYWORD, TokenKind.STRING,
        TokenKind.OPTION, TokenKind.SECTION), kinds);
  }
}
