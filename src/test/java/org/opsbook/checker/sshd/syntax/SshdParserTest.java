package org.opsbook.checker.sshd.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Findings;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.sshd.model.SshdConfig;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

class SshdParserTest {
  private static final OpensshVersion V92 = OpensshVersion.DEBIAN_12;

  private static ParseResult parse(String text) {
    return parse(text, V92);
  }

  /** The parser's model and its findings, sorted. */
  private record ParseResult(SshdConfig config, List<Diagnostic> diagnostics) {}

  private static ParseResult parse(String text, OpensshVersion v) {
    Snippet s = Snippet.of("sshd_config", text, "a.md", Map.of());
    Findings findings = new Findings(s);
    SshdConfig config = SshdParser.parse(s, IncludedFiles.NONE, x -> false, v, findings);
    List<Diagnostic> found = new java.util.ArrayList<>(findings.diagnostics());
    found.sort(null);
    return new ParseResult(config, found);
  }

  private static List<String> rules(ParseResult r) {
    return r.diagnostics().stream().map(d -> d.where().line() + ":" + d.where().column() + " " + d.rule()).toList();
  }

  @Test
  void acceptsKeywordsInAnyCase() {
    ParseResult r = parse("pErMiTrOoTlOgIn no\nPASSWORDAUTHENTICATION No\n");
    assertEquals(List.of(), r.diagnostics());
    assertEquals("PermitRootLogin", r.config().directives().get(0).keyword());
  }

  @Test
  void pointsAnUnknownKeywordAtItsColumnAndSuggestsTheSpelling() {
    ParseResult r = parse("Port 22\n  PermitRootLogn no\n");
    Diagnostic d = r.diagnostics().get(0);
    assertEquals("sshd.unknown-keyword", d.rule().value());
    assertEquals(2, d.where().line());
    assertEquals(3, d.where().column());
    assertEquals("did you mean PermitRootLogin?", d.hint());
  }

  @Test
  void recognisesClientOptionsPastedIntoTheServerFile() {
    Diagnostic d = parse("ForwardAgent yes\n").diagnostics().get(0);
    assertTrue(d.hint().contains("ssh client option"), d.hint());
  }

  @Test
  void pointsABadValueAtTheValue() {
    assertEquals(List.of("1:24 sshd.bad-value"), rules(parse("PasswordAuthentication maybe\n")));
    assertEquals(List.of("1:21 sshd.extra-arguments"), rules(parse("Ciphers aes256-ctr, aes128-ctr\n")));
    assertEquals(List.of("1:16 sshd.missing-argument"), rules(parse("PermitRootLogin\n")));
  }

  @Test
  void aMatchBlockRunsToTheNextMatchLine() {
    ParseResult r = parse("Match User alice\n  X11Forwarding no\nPort 2222\n");
    assertEquals(List.of("3:1 sshd.not-allowed-in-match"), rules(r));
  }

  @Test
  void matchAllReopensTheGlobalSectionAsSshdDoes() {
    ParseResult r = parse("Match User alice\n  X11Forwarding no\nMatch All\nPort 2222\n");
    assertEquals(List.of(), r.diagnostics());
    assertEquals(2, r.config().blocks().size());
  }

  @Test
  void rejectsMalformedMatchLines() {
    assertEquals(List.of("1:7 sshd.bad-match"), rules(parse("Match User\n")));
    assertEquals(List.of("1:7 sshd.bad-match"), rules(parse("Match Port 22\n")));
    assertEquals(List.of("1:7 sshd.bad-match"), rules(parse("Match All User bob\n")));
    assertEquals(List.of("1:15 sshd.bad-match"), rules(parse("Match Address 192.0.2.1/24\n")));
    assertEquals(List.of("1:18 sshd.bad-match"), rules(parse("Match User alice bob\n")));
  }

  @Test
  void acceptsNegatedAndWildcardMatchPatterns() {
    assertTrue(parse("Match User *,!root Address 192.0.2.0/24,!192.0.2.9 Host *.example.org\n").diagnostics().isEmpty());
  }

  @Test
  void warnsAboutRetiredKeywordsWithWhatActuallyHappens() {
    ParseResult r = parse("Protocol 2\nUsePrivilegeSeparation sandbox\nKerberosGetAFSToken no\n");
    assertEquals(List.of("1:1 sshd.ignored-keyword", "2:1 sshd.deprecated-keyword", "3:1 sshd.unsupported-keyword"), rules(r));
    assertTrue(r.diagnostics().get(0).message().contains("ignored since OpenSSH 7.4"));
    assertTrue(r.config().directives().isEmpty());
  }

  @Test
  void retiredKeywordsAreLiveInOlderReleases() {
    ParseResult r = parse("Protocol 2\n", new OpensshVersion(7, 3));
    assertEquals(List.of(), r.diagnostics());
  }

  @Test
  void keywordsNewerThanTheTargetReleaseAreErrors() {
    assertEquals(List.of("1:1 sshd.keyword-not-in-release"), rules(parse("RequiredRSASize 2048\n", new OpensshVersion(8, 9))));
    assertEquals(List.of(), rules(parse("RequiredRSASize 2048\n")));
    assertEquals(List.of("1:1 sshd.keyword-not-in-release"), rules(parse("PerSourcePenalties authfail:5m\n")));
  }

  @Test
  void oldNamesAreInfoAndResolveToTheCurrentKeyword() {
    ParseResult r = parse("ChallengeResponseAuthentication no\n");
    assertEquals(Severity.INFO, r.diagnostics().get(0).severity());
    assertEquals("KbdInteractiveAuthentication", r.config().directives().get(0).keyword());
  }

  @Test
  void includeIsReportedAsNotFollowed() {
    ParseResult r = parse("Include sshd_config.d/*.conf\n");
    assertEquals(Severity.INFO, r.diagnostics().get(0).severity());
    assertTrue(r.diagnostics().get(0).message().contains("/etc/ssh/sshd_config.d/*.conf"));
    assertFalse(r.diagnostics().stream().anyMatch(Diagnostic::isError));
  }

  @Test
  void checksAlgorithmNamesButNotRemovalLists() {
    assertEquals(List.of("1:9 sshd.bad-value"), rules(parse("Ciphers aes256-ctr,arcfour\n")));
    assertEquals(List.of(), rules(parse("Ciphers -arcfour*\n")));
    assertEquals(List.of(), rules(parse("PubkeyAcceptedAlgorithms ssh-ed25519*,rsa-sha2-*\n")));
    assertEquals(List.of("1:19 sshd.bad-value"), rules(parse("HostKeyAlgorithms !ssh-rsa\n")));
  }

  @Test
  void rdomainStopsSshdOnLinux() {
    assertEquals(List.of("1:1 sshd.unsupported-on-platform"), rules(parse("RDomain %D\n")));
  }

  @Test
  void anUnclosedQuoteIsAnError() {
    assertEquals(List.of("1:8 sshd.invalid-quotes"), rules(parse("Banner \"/etc/issue\n")));
  }

  @Test
  void algorithmNamesFollowTheTargetRelease() {
    assertEquals(List.of("1:15 sshd.bad-value"), rules(parse("KexAlgorithms mlkem768x25519-sha256\n")));
    assertEquals(List.of(), rules(parse("KexAlgorithms mlkem768x25519-sha256\n", new OpensshVersion(9, 9))));
    assertEquals(List.of(), rules(parse("Ciphers arcfour256\n", new OpensshVersion(7, 4))));
    assertEquals(List.of("1:9 sshd.bad-value"), rules(parse("Ciphers arcfour256\n")));
    assertEquals(List.of("1:19 sshd.bad-value"), rules(parse("HostKeyAlgorithms ssh-dss\n", new OpensshVersion(10, 0))));
  }
}
