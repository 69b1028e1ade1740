package org.opsbook.checker.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.QueryResult;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.diag.Diagnostic;
import org.opsbook.snippet.TestBlockParser;

class IptablesCheckerTest {
  private final IptablesChecker checker = new IptablesChecker();

  @Test
  void isRegisteredForEveryIptablesLanguage() {
    CheckerRegistry registry = CheckerRegistry.load();
    for (String language : List.of("iptables", "ip6tables", "iptables-save", "iptables-restore", "ip6tables-save", "ip6tables-restore")) {
      assertEquals("iptables", registry.forLanguage(language).orElseThrow().id());
    }
  }

  @Test
  void everyRuleHasAUniqueIdASummaryAndAnExplanation() {
    Set<String> ids = new HashSet<>();
    for (RuleInfo r : checker.rules()) {
      assertTrue(ids.add(r.id().value()), "duplicate " + r.id());
      assertTrue(r.id().value().startsWith("iptables."));
      assertFalse(r.summary().isBlank());
      assertTrue(r.explanation().length() > 80, r.id() + " needs a real explanation");
    }
  }

  @Test
  void reportsOnlyRuleIdsItDeclares() {
    Set<String> declared = new HashSet<>();
    checker.rules().forEach(r -> declared.add(r.id().value()));
    String text = "iptables -t NAT -A X\niptables -A INPUT -m state --state NEW -j ACCEPT\niptables -A INPUT -j FOO\nfoo bar\n"
        + "iptables -A INPUT -i $IF -j ACCEPT\niptables -P INPUT DROP\niptables -A INPUT -m bogus -j ACCEPT\n";
    for (Diagnostic d : checker.check(Snippet.ofFile("iptables", text, "t"), CheckContext.empty())) {
      assertTrue(declared.contains(d.rule().value()), d.toString());
    }
  }

  @Test
  void usesChainsFromEarlierSnippetsOnlyWithArticleScope() {
    Snippet first = Snippet.of("iptables", "iptables -N SSH_IN\niptables -A SSH_IN -s 192.0.2.0/24 -j ACCEPT\n", "a.md", Map.of());
    String second = "iptables -A INPUT -p tcp --dport 22 -j SSH_IN\n";
    CheckContext ctx = CheckContext.empty().withArticleSnippets(List.of(first));
    List<Diagnostic> alone = checker.check(Snippet.of("iptables", second, "a.md", Map.of()), ctx);
    assertEquals("iptables.unknown-chain", alone.get(0).rule().value());
    List<Diagnostic> scoped = checker.check(Snippet.of("iptables", second, "a.md", Map.of("scope", "article")), ctx);
    assertTrue(scoped.stream().noneMatch(Diagnostic::isError), scoped.toString());
  }

  @Test
  void lintsOnlyTheRulesOfTheSnippetItself() {
    Snippet first = Snippet.of("iptables", "iptables -A INPUT -j ACCEPT\n", "a.md", Map.of("scope", "article"));
    Snippet second = Snippet.of("iptables", "iptables -A INPUT -p tcp --dport 22 -j ACCEPT\n", "a.md", Map.of("scope", "article"));
    List<Diagnostic> d = checker.check(second, CheckContext.empty().withArticleSnippets(List.of(first)));
    assertTrue(d.isEmpty(), "the accept-all rule belongs to the first snippet: " + d);
  }

  @Test
  void fragmentsSkipWholeFileRules() {
    String text = "iptables -A INPUT -p tcp --dport 22 -j ACCEPT\niptables -P INPUT DROP\n";
    assertEquals(1, checker.check(Snippet.of("iptables", text, "t", Map.of()), CheckContext.empty()).size());
    assertTrue(checker.check(Snippet.of("iptables", text, "t", Map.of("fragment", "true")), CheckContext.empty()).isEmpty());
  }

  @Test
  void runsTestCasesAndExplainsFailures() {
    Snippet rules = Snippet.of("iptables", "iptables -A INPUT -p tcp --dport 22 -j ACCEPT\niptables -P INPUT DROP\n", "a.md",
        Map.of("host", "10.0.0.1", "id", "fw"));
    Snippet tests = Snippet.of("test", "tcp 192.0.2.1:5000 -> 10.0.0.1:22 in=eth0 => ACCEPT\n"
        + "tcp 192.0.2.1:5000 -> 10.0.0.1:80 in=eth0 => ACCEPT\n"
        + "this is not a packet => DROP\n", "a.md", Map.of("for", "fw"));
    TestReport report = checker.runTests(rules, TestBlockParser.parse(tests).block(), CheckContext.empty());
    assertEquals(2, report.results().size());
    assertTrue(report.results().get(0).passed());
    assertFalse(report.results().get(1).passed());
    assertTrue(report.results().get(1).message().contains("expected ACCEPT but the packet got DROP"), report.results().get(1).message());
    assertTrue(report.results().get(1).message().contains("policy DROP"), report.results().get(1).message());
    assertEquals(1, report.diagnostics().size());
    assertEquals(3, report.diagnostics().get(0).where().line());
  }

  @Test
  void testCasesMayStateLogEntriesAndRedirects() {
    Snippet rules = Snippet.of("iptables", "iptables -t nat -A OUTPUT -p tcp --dport 80 -j REDIRECT --to-ports 8080\n"
        + "iptables -A OUTPUT -p tcp --dport 25 -j LOG --log-prefix \"smtp: \"\niptables -A OUTPUT -p tcp --dport 25 -j REJECT\n", "a.md", Map.of("id", "fw"));
    Snippet tests = Snippet.of("test", "tcp 10.0.0.1:40000 -> 192.0.2.1:80 => REDIRECT 127.0.0.1:8080, ACCEPT\n"
        + "tcp 10.0.0.1:40000 -> 192.0.2.1:25 => REJECT\n"
        + "tcp 10.0.0.1:40000 -> 192.0.2.1:25 => LOG, REJECT\n"
        + "tcp 10.0.0.1:40000 -> 192.0.2.1:25 => LOG \"smtp: \", REJECT\n"
        + "tcp 10.0.0.1:40000 -> 192.0.2.1:25 => LOG \"other\", REJECT\n", "a.md", Map.of("for", "fw"));
    TestReport report = checker.runTests(rules, TestBlockParser.parse(tests).block(), CheckContext.empty());
    assertEquals(List.of(true, true, true, true, false), report.results().stream().map(r -> r.passed()).toList());
  }

  @Test
  void queryReportsAnUnreadablePacketAsADiagnostic() {
    QueryResult q = checker.query(Snippet.ofFile("iptables", "iptables -A INPUT -j ACCEPT\n", "t"), "tcp to somewhere", CheckContext.empty());
    assertTrue(q.hasErrors());
    assertEquals("opsbook.test-syntax", q.diagnostics().get(0).rule().value());
  }

  @Test
  void packetsFromTheHostTakeTheOutputPath() {
    Snippet rules = Snippet.ofFile("iptables", "iptables -A OUTPUT -p udp --dport 53 -j ACCEPT\niptables -P OUTPUT DROP\n", "t");
    QueryResult q = checker.query(rules, "tcp 10.0.0.1:40000 -> 192.0.2.1:443", CheckContext.empty());
    assertTrue(q.output().contains("filter OUTPUT: no rule decided, policy DROP"), q.output());
    assertTrue(q.output().endsWith("verdict: DROP\n"));
  }

  @Test
  void suggestsTheTargetAMistypedJumpWasMeantToBe() {
    List<Diagnostic> d = checker.check(Snippet.ofFile("iptables", "iptables -A INPUT -p tcp --dport 22 -j ACCPET\n", "t"), CheckContext.empty());
    assertEquals("iptables.unknown-chain", d.get(0).rule().value());
    assertEquals("did you mean ACCEPT? (-j ACCEPT)", d.get(0).hint());
    d = checker.check(Snippet.ofFile("iptables", "iptables -N LOGDROP\niptables -A INPUT -j LOGDORP\n", "t"), CheckContext.empty());
    assertEquals("did you mean the chain LOGDROP?", d.get(0).hint());
    d = checker.check(Snippet.ofFile("iptables", "iptables -A INPUT -j SSH_IN\n", "t"), CheckContext.empty());
    assertTrue(d.get(0).hint().startsWith("create the chain first with iptables -N SSH_IN"), d.get(0).hint());
  }

  @Test
  void aQuestionMayGiveTheHostsAddressesAsAnArticleGivesThem() {
    Snippet rules = Snippet.ofFile("iptables", "iptables -A FORWARD -j DROP\niptables -A INPUT -p tcp --dport 22 -j ACCEPT\niptables -P INPUT DROP\n", "t");
    QueryResult forwarded = checker.query(rules, "tcp 192.0.2.1:5000 -> 203.0.113.2:22 in=eth0", CheckContext.empty());
    assertTrue(forwarded.output().contains("is not local -> FORWARD") && forwarded.output().endsWith("verdict: DROP\n"), forwarded.output());
    QueryResult delivered = checker.query(rules, "tcp 192.0.2.1:5000 -> 203.0.113.2:22 in=eth0 host=eth0:203.0.113.2", CheckContext.empty());
    assertTrue(delivered.output().contains("is local -> INPUT") && delivered.output().endsWith("verdict: ACCEPT\n"), delivered.output());
    QueryResult bad = checker.query(rules, "tcp 192.0.2.1:5000 -> 203.0.113.2:22 host=eth0:nowhere", CheckContext.empty());
    assertEquals("opsbook.test-syntax", bad.diagnostics().get(0).rule().value());
  }

  @Test
  void testCasesOfAnIpv6SnippetFailSayingTheModelCoversIpv4Only() {
    Snippet rules = Snippet.of("ip6tables", "ip6tables -A INPUT -p tcp --dport 22 -j ACCEPT\n", "a.md", Map.of("id", "fw"));
    Snippet tests = Snippet.of("test", "tcp 192.0.2.1:5000 -> 10.0.0.1:22 in=eth0 => ACCEPT\n", "a.md", Map.of("for", "fw"));
    TestReport report = checker.runTests(rules, TestBlockParser.parse(tests).block(), CheckContext.empty());
    assertFalse(report.results().get(0).passed());
    assertTrue(report.results().get(0).message().contains("IPv4 rule sets only"), report.results().get(0).message());
  }

  @Test
  void highlightsAQuotedStringOfAnyLengthWithoutRecursion() {
    String comment = "x".repeat(1_000_000);
    String text = "iptables -A INPUT -m comment --comment \"" + comment + "\" -j ACCEPT\n";
    List<org.opsbook.check.HighlightToken> tokens = checker.highlight(text, "iptables");
    assertTrue(tokens.stream().anyMatch(t -> t.kind() == org.opsbook.check.TokenKind.STRING && t.end() - t.start() == comment.length() + 2));
    assertTrue(tokens.stream().anyMatch(t -> t.kind() == org.opsbook.check.TokenKind.TARGET));
  }

  @Test
  void replaysWhichCallsOfAnAndOrListRun() {
    var r = org.opsbook.checker.iptables.syntax.IptablesParser.parse(Snippet.ofFile("iptables",
        "iptables -A INPUT -j NOPE && iptables -P INPUT DROP\n"
            + "! iptables -C INPUT -i lo -j ACCEPT && iptables -A INPUT -i lo -j ACCEPT\n"
            + "iptables -C INPUT -i lo -j ACCEPT || iptables -A INPUT -i lo -j ACCEPT\n", "t"), List.of());
    assertEquals(List.of("REFUSED", "NOT_RUN", "REFUSED", "ACCEPTED", "ACCEPTED", "NOT_RUN"),
        r.outcomes().stream().map(o -> o.status().name()).toList());
    assertEquals("ACCEPT", r.ruleset().chain("filter", "INPUT").orElseThrow().policy());
    assertEquals(1, r.ruleset().chain("filter", "INPUT").orElseThrow().rules().size());
  }
}
