package org.opsbook.checker.iptables;

import org.opsbook.snippet.TestBlockParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.diag.Diagnostic;

/** The Tor/NAT article: its rule set checks clean, its wrong example is caught, its tests pass. */
class TorNatArticleTest {
  private static final String RELATIVE = "articles/tor-nat-sandbox/index.md";
  private final IptablesChecker checker = new IptablesChecker();

  private List<Snippet> snippets() throws Exception {
    Path root = Path.of(System.getProperty("opsbook.root", "."));
    return ArticleSnippets.read(root.resolve("content").resolve(RELATIVE), RELATIVE);
  }

  @Test
  void ruleSetHasNoErrorsAndWrongExampleIsCaught() throws Exception {
    List<Snippet> all = snippets();
    List<Snippet> before = new ArrayList<>();
    int iptables = 0;
    for (Snippet s : all) {
      if (checker.languages().contains(s.language())) {
        iptables++;
        List<Diagnostic> d = checker.check(s, CheckContext.empty().withArticleSnippets(before));
        String expect = s.attribute("expect").orElse(null);
        if (expect == null) {
          assertTrue(d.stream().noneMatch(Diagnostic::isError), d.toString());
        } else {
          assertTrue(d.stream().anyMatch(x -> x.isError() && x.rule().value().equals(expect)), d.toString());
        }
      }
      before.add(s);
    }
    assertEquals(2, iptables);
  }

  @Test
  void everyTestCaseOfTheArticlePasses() throws Exception {
    List<Snippet> all = snippets();
    Snippet subject = all.stream().filter(s -> s.id().orElse("").equals("tornet")).findFirst().orElseThrow();
    Snippet tests = all.stream().filter(s -> s.language().equals("test")).findFirst().orElseThrow();
    TestReport report = checker.runTests(subject, TestBlockParser.parse(tests).block(), CheckContext.empty().withArticleSnippets(all.subList(0, all.indexOf(tests))));
    assertTrue(report.diagnostics().isEmpty(), report.diagnostics().toString());
    assertEquals(9, report.results().size());
    for (TestResult r : report.results()) {
      assertTrue(r.passed(), r.description() + "\n" + r.message());
    }
  }

  @Test
  void queryPrintsTheRulesOnThePathAndTheVerdict() throws Exception {
    List<Snippet> all = snippets();
    Snippet subject = all.stream().filter(s -> s.id().orElse("").equals("tornet")).findFirst().orElseThrow();
    QueryResult q = checker.query(subject, "tcp 10.100.100.29:43210 -> 93.184.216.34:80 in=tornet", CheckContext.empty().withArticleSnippets(all));
    assertFalse(q.hasErrors());
    String out = q.output();
    // trace lines name the Markdown line, so a reader can jump to the rule
    assertTrue(out.contains("nat PREROUTING line " + subject.at(3, 1).line() + ":"), out);
    assertTrue(out.contains("DNAT 93.184.216.34:80 -> 127.0.0.1:9040"), out);
    assertTrue(out.contains("filter INPUT line " + subject.at(11, 1).line() + ":"), out);
    assertTrue(out.endsWith("verdict: ACCEPT\n"), out);
  }

  @Test
  void theQueryOutputShownInTheArticleIsWhatOpsbookPrints() throws Exception {
    List<Snippet> all = snippets();
    Snippet subject = all.stream().filter(s -> s.id().orElse("").equals("tornet")).findFirst().orElseThrow();
    Snippet shown = all.stream().filter(s -> s.language().equals("text") && s.text().startsWith("packet: ")).findFirst().orElseThrow();
    String packet = shown.text().substring("packet: ".length(), shown.text().indexOf(" state="));
    QueryResult q = checker.query(subject, packet, CheckContext.empty().withArticleSnippets(all));
    assertEquals(q.output(), shown.text());
  }

  @Test
  void withoutRouteLocalnetTheRedirectedPacketIsDroppedAsMartian() throws Exception {
    Snippet subject = snippets().stream().filter(s -> s.id().orElse("").equals("tornet")).findFirst().orElseThrow();
    QueryResult q = checker.query(subject, "tcp 10.100.100.29:43210 -> 93.184.216.34:80 in=tornet", CheckContext.empty());
    assertTrue(q.output().contains("martian"), q.output());
    assertTrue(q.output().endsWith("verdict: DROP\n"), q.output());
  }
}
