package org.opsbook.checker.iptables.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.model.Replay;
import org.opsbook.checker.iptables.syntax.IptablesParser;
import org.opsbook.diag.Diagnostic;

class ShadowedRuleTest {
  private static List<Diagnostic> check(String text, ShadowedRule rule) {
    Snippet snippet = Snippet.ofFile("iptables", text, "t");
    Findings findings = new Findings(snippet);
    Replay replay = IptablesParser.read(snippet, List.of(), text, findings);
    Findings lint = new Findings(snippet);
    rule.check(replay, lint);
    return lint.diagnostics();
  }

  @Test
  void findsTheFirstBroaderRuleAmongCandidatesFiledByProtocolPortAndNetwork() {
    String text = String.join("\n",
        "iptables -A INPUT -p udp --dport 53 -j ACCEPT",
        "iptables -A INPUT -p tcp -s 10.1.0.0/16 -j DROP",
        "iptables -A INPUT -p tcp -s 10.0.0.0/8 -j ACCEPT",
        "iptables -A INPUT -i eth0 -p tcp --dport 22 -s 10.1.2.3 -j ACCEPT",
        "iptables -A INPUT -p tcp --dport 22 -s 192.0.2.0/255.255.255.0 -j ACCEPT",
        "iptables -A INPUT -p tcp --dport 22 -s 192.0.2.7 -j DROP", "");
    List<Diagnostic> d = check(text, new ShadowedRule());
    assertEquals(List.of(4, 6), d.stream().map(x -> x.where().line()).toList(), d.toString());
    assertTrue(d.get(0).message().contains("the rule on line 2"), d.get(0).message());
    assertTrue(d.get(1).message().contains("the rule on line 5"), d.get(1).message());
  }

  @Test
  void stopsAtItsBudgetOfComparisonsAndSaysWhere() {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      text.append("iptables -A INPUT -p tcp -m conntrack --ctstate NEW --sport ").append(i).append(" -j ACCEPT\n");
    }
    List<Diagnostic> d = check(text.toString(), new ShadowedRule(100));
    assertEquals(1, d.size(), d.toString());
    assertEquals("iptables.shadow-check-capped", d.get(0).rule().value());
    assertEquals(15, d.get(0).where().line());
    assertTrue(d.get(0).message().contains("the 25 after it were not checked"), d.get(0).message());
    assertTrue(check(text.toString(), new ShadowedRule()).isEmpty());
  }

  @Test
  void theCheckerDeclaresTheCapAsOneOfItsRules() {
    assertTrue(new org.opsbook.checker.iptables.IptablesChecker().rules().stream()
        .anyMatch(r -> r.id().value().equals("iptables.shadow-check-capped")));
  }
}
