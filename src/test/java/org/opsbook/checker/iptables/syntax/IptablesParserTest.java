package org.opsbook.checker.iptables.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

class IptablesParserTest {
  private static IptablesParser.Result parse(String language, String text) {
    return IptablesParser.parse(Snippet.ofFile(language, text, "t"), List.of());
  }

  private static Diagnostic onlyError(IptablesParser.Result r) {
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0);
  }

  @Test
  void positionsTheErrorAtTheOffendingWordInTheMarkdown() {
    String text = "iptables -A INPUT -i lo -j ACCEPT\niptables -A INPUT --dport 22 -j ACCEPT\n";
    Snippet s = new Snippet("iptables", text, new SourceSpan("a/index.md", 40, 1), 2, new java.util.TreeMap<>(), new SourceSpan("a/index.md", 39, 1));
    Diagnostic d = IptablesParser.parse(s, List.of()).diagnostics().get(0);
    assertEquals(new SourceSpan("a/index.md", 41, 21), d.where());
    assertEquals("iptables.protocol-required", d.rule().value());
    assertTrue(d.message().startsWith("unknown option \"--dport\""), d.message());
  }

  @Test
  void namesTheLowerCaseTableForAnUpperCaseOne() {
    Diagnostic d = onlyError(parse("iptables", "iptables -t NAT -A PREROUTING -j ACCEPT\n"));
    assertEquals("table 'NAT' does not exist", d.message());
    assertEquals("table names are lower case: -t nat", d.hint());
    assertEquals(13, d.where().column());
  }

  @Test
  void explainsWhatTheKernelOnlyCallsInvalidArgument() {
    Diagnostic d = onlyError(parse("iptables", "iptables -A INPUT -p tcp -j DNAT --to-destination 10.0.0.5\n"));
    assertEquals("iptables.target-placement", d.rule().value());
    assertTrue(d.message().contains("only valid in the nat table") && d.message().contains("Invalid argument"), d.message());
  }

  @Test
  void reportsAnAddressLostInEditing() {
    Diagnostic d = onlyError(parse("iptables", "iptables -A INPUT -s -j ACCEPT\n"));
    assertEquals("iptables.missing-argument", d.rule().value());
    assertEquals(19, d.where().column());
    assertTrue(d.message().contains("-s needs an address"), d.message());
  }

  @Test
  void reportsTargetOptionsWithoutTheirTarget() {
    Diagnostic d = onlyError(parse("iptables", "iptables -t nat -A PREROUTING -p tcp --dport 80 --to-ports 8080\n"));
    assertEquals("iptables.option-without-target", d.rule().value());
    assertTrue(d.hint().contains("-j REDIRECT"), d.hint());
  }

  @Test
  void reportsAMissingJumpArgumentAndAnUndeclaredChain() {
    assertEquals("iptables.missing-argument", onlyError(parse("iptables", "iptables -A INPUT -j\n")).rule().value());
    Diagnostic d = onlyError(parse("iptables", "iptables -A INPUT -j SSH_IN\niptables -N SSH_IN\n"));
    assertEquals("iptables.unknown-chain", d.rule().value());
    assertEquals("Chain 'SSH_IN' does not exist", d.message());
  }

  @Test
  void acceptsAChainDeclaredEarlierInTheSnippet() {
    IptablesParser.Result r = parse("iptables", "iptables -N SSH_IN\niptables -A INPUT -p tcp --dport 22 -j SSH_IN\niptables -A SSH_IN -j DROP\n");
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
    assertEquals(1, r.ruleset().chain("filter", "SSH_IN").orElseThrow().rules().size());
  }

  @Test
  void refusesPoliciesOtherThanAcceptAndDropAndOnUserChains() {
    Diagnostic policy = onlyError(parse("iptables", "iptables -P INPUT REJECT\n"));
    assertTrue(policy.message().startsWith("Bad policy name"));
    assertEquals(19, policy.where().column());
    assertEquals("Bad built-in chain name", onlyError(parse("iptables", "iptables -N X\niptables -P X DROP\n")).message());
  }

  @Test
  void substitutesVariablesAssignedInTheSnippetAndReportsTheOthers() {
    IptablesParser.Result r = parse("iptables", "WAN=eth0\niptables -A INPUT -i $WAN -j ACCEPT\niptables -A INPUT -i $LAN -j ACCEPT\n");
    assertEquals(1, r.diagnostics().size());
    Diagnostic d = r.diagnostics().get(0);
    assertEquals("iptables.shell-variable", d.rule().value());
    assertEquals(3, d.where().line());
    assertEquals("eth0", r.ruleset().chain("filter", "INPUT").orElseThrow().rules().get(0).inInterface().value());
  }

  @Test
  void checksIp6tablesCommandsInAnIptablesSnippetAndScriptVariablesForTheProgram() {
    String text = "IPT=/sbin/iptables\n$IPT -A INPUT -i lo -j ACCEPT\nip6tables -A INPUT -s 10.0.0.1 -j ACCEPT\n";
    Diagnostic d = onlyError(parse("iptables", text));
    assertEquals(3, d.where().line());
    assertEquals(23, d.where().column());
    assertEquals(1, parse("iptables", text).ruleset().chain("filter", "INPUT").orElseThrow().rules().size());
  }

  @Test
  void checksCommandsInsideLoopsAndConditionals() {
    String text = "for port in 80 443; do\n  iptables -A INPUT -p tcp --dport \"$port\" -j ACCEPT\ndone\n"
        + "if ! iptables -C INPUT -j DROP; then iptables -A INPUT --dport 22 -j DROP; fi\n";
    IptablesParser.Result r = parse("iptables", text);
    Diagnostic d = onlyError(r);
    assertEquals("iptables.protocol-required", d.rule().value());
    assertEquals(4, d.where().line());
    assertTrue(r.diagnostics().stream().anyMatch(x -> x.rule().value().equals("iptables.shell-variable")));
  }

  @Test
  void skipsOtherCommandsUnlessStrict() {
    String text = "sysctl -w net.ipv4.ip_forward=1\niptables -A FORWARD -j ACCEPT\n";
    assertEquals("iptables.other-command", parse("iptables", text).diagnostics().get(0).rule().value());
    assertTrue(parse("iptables", text).diagnostics().stream().noneMatch(Diagnostic::isError));
    Snippet strict = Snippet.of("iptables", text, "t", Map.of("strict", "true"));
    assertTrue(IptablesParser.parse(strict, List.of()).diagnostics().get(0).isError());
  }

  @Test
  void readsSaveFilesWithPoliciesUserChainsAndCounters() {
    String text = "*filter\n:INPUT DROP [0:0]\n:SSH - [0:0]\n[3:180] -A INPUT -p tcp --dport 22 -j SSH\n-A SSH -s 192.0.2.0/24 -j ACCEPT\nCOMMIT\n";
    IptablesParser.Result r = parse("iptables-save", text);
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
    Chain input = r.ruleset().chain("filter", "INPUT").orElseThrow();
    assertEquals("DROP", input.policy());
    Rule rule = input.rules().get(0);
    assertEquals(4, rule.line());
    assertEquals("SSH", rule.targetName());
  }

  @Test
  void detectsTheSaveFormatInAPlainIptablesSnippetAndRequiresCommit() {
    Diagnostic d = onlyError(parse("iptables", "*filter\n-A INPUT -j ACCEPT\n"));
    assertEquals("iptables.save-format", d.rule().value());
    assertTrue(d.message().contains("COMMIT expected"));
  }

  @Test
  void refusesTheTableOptionInsideASaveFile() {
    assertEquals("The -t option cannot be used in iptables-restore.",
        onlyError(parse("iptables-restore", "*filter\n-t nat -A INPUT -j ACCEPT\nCOMMIT\n")).message());
  }

  @Test
  void readsIp6tablesAddressesAndRefusesIpv4Ones() {
    assertTrue(parse("ip6tables", "ip6tables -A INPUT -s 2001:db8::/32 -p icmpv6 --icmpv6-type echo-request -j ACCEPT\n").diagnostics().isEmpty());
    assertTrue(onlyError(parse("ip6tables", "ip6tables -A INPUT -s 10.0.0.1 -j ACCEPT\n")).message().contains("not found"));
  }
}
