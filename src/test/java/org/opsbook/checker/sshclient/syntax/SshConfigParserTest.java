package org.opsbook.checker.sshclient.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.checker.sshclient.model.Argument;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.MatchCriterion;
import org.opsbook.checker.sshclient.model.SshConfig;

class SshConfigParserTest {
  /** The parser's model and findings for a text. */
  private record Parsed(SshConfig config, List<Diagnostic> findings) {
    static Parsed of(String text) {
      Findings findings = new Findings(Snippet.ofFile("ssh_config", text, "c"));
      SshConfig config = SshConfigParser.parse(text, findings);
      return new Parsed(config, findings.diagnostics());
    }
  }

  private static Directive only(String text) {
    Parsed r = Parsed.of(text);
    assertEquals(1, r.config().directives().size(), "directives of " + text);
    return r.config().directives().get(0);
  }

  private static List<String> values(Directive d) {
    return d.arguments().stream().map(Argument::value).toList();
  }

  @Test
  void lowercasesKeywordsButKeepsTheSpelling() {
    Directive d = only("HostName Example.ORG\n");
    assertEquals("hostname", d.name());
    assertEquals("HostName", d.keyword());
    assertEquals(List.of("Example.ORG"), values(d));
  }

  @Test
  void acceptsTheThreeEqualsForms() {
    assertEquals(List.of("alice"), values(only("User=alice")));
    assertEquals(List.of("alice"), values(only("User = alice")));
    assertEquals(List.of("alice"), values(only("  User  =alice")));
  }

  @Test
  void onlyOneEqualsSignIsASeparator() {
    assertEquals(List.of("=alice"), values(only("User ==alice")));
  }

  @Test
  void removesQuotesAndKeepsTheBlanksInside() {
    assertEquals(List.of("~/My Keys/id"), values(only("IdentityFile \"~/My Keys/id\"")));
    assertEquals(List.of("al ice"), values(only("User 'al ice'")));
    assertEquals(List.of("abcd ef"), values(only("User ab\"cd ef\"")));
  }

  @Test
  void aHashStartingAWordEndsTheArguments() {
    Directive d = only("User alice # the admin");
    assertEquals(List.of("alice"), values(d));
    Directive mid = only("User a#b");
    assertEquals(List.of("a#b"), values(mid));
  }

  @Test
  void recordsArgumentColumns() {
    Directive d = only("  LocalForward 3389 host:3389");
    assertEquals(3, d.column());
    assertEquals(16, d.arguments().get(0).column());
    assertEquals(21, d.arguments().get(1).column());
  }

  @Test
  void skipsCommentsBlankLinesAndTrailingCarriageReturns() {
    SshConfig c = Parsed.of("# comment\n\n   \nHost a\r\n  User b\r\n").config();
    assertEquals(2, c.directives().size());
    assertEquals(List.of("b"), values(c.directives().get(1)));
  }

  @Test
  void reportsAKeywordWithoutArgument() {
    Parsed r = Parsed.of("Host\n");
    assertEquals("ssh.missing-argument", r.findings().get(0).rule().value());
    assertFalse(r.config().directives().get(0).wellFormed());
  }

  @Test
  void reportsAnUnterminatedQuote() {
    Parsed r = Parsed.of("User \"alice\n");
    assertEquals("ssh.invalid-quotes", r.findings().get(0).rule().value());
  }

  @Test
  void readsMatchCriteriaWithNegationAndQuotedCommands() {
    Directive d = only("Match !user root exec \"test -f /x\" host *.example.org");
    List<MatchCriterion> c = d.criteria();
    assertEquals(3, c.size());
    assertTrue(c.get(0).negated());
    assertEquals("user", c.get(0).attribute());
    assertEquals("test -f /x", c.get(1).argument());
    assertEquals("*.example.org", c.get(2).argument());
  }

  @Test
  void rejectsAllCombinedWithOtherCriteria() {
    Parsed r = Parsed.of("Match all host x\n");
    assertEquals("ssh.bad-match", r.findings().get(0).rule().value());
  }

  @Test
  void acceptsAllAfterOneCriterionAsSshDoes() {
    assertTrue(Parsed.of("Match host a all\n").findings().isEmpty());
  }

  @Test
  void reportsACriterionWithoutItsArgument() {
    Parsed r = Parsed.of("Match host\n");
    assertEquals("ssh.bad-match", r.findings().get(0).rule().value());
  }
}
