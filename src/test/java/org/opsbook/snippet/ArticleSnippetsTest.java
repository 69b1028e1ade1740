package org.opsbook.snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.IptablesChecker;

class ArticleSnippetsTest {
  private final ArticleSnippets snippets =
      new ArticleSnippets(CheckerRegistry.of(List.of(new IptablesChecker())), Map.of());

  @Test
  void aTestSeesItsSnippetAsTheCheckDidNotWhatLaterSnippetsAdd() {
    // The second snippet builds on the first (scope=article). Each test states the packet's fate
    // at its own snippet: the first one's must not see the DROP the second one inserts above it.
    Snippet first = Snippet.of("iptables", "iptables -P INPUT DROP\niptables -A INPUT -p tcp --dport 22 -j ACCEPT\n",
        "a.md", Map.of("id", "first", "host", "10.0.0.1"));
    Snippet firstTest = Snippet.of("test", "tcp 198.51.100.7:5555 -> 10.0.0.1:22 in=eth0 => ACCEPT\n", "a.md",
        Map.of("for", "first"));
    Snippet second = Snippet.of("iptables", "iptables -I INPUT 1 -s 198.51.100.0/24 -j DROP\n", "a.md",
        Map.of("id", "second", "host", "10.0.0.1", "scope", "article"));
    Snippet secondTest = Snippet.of("test", "tcp 198.51.100.7:5555 -> 10.0.0.1:22 in=eth0 => DROP\n", "a.md",
        Map.of("for", "second"));

    ArticleSnippets.Result result = snippets.check(List.of(first, firstTest, second, secondTest), CheckContext.empty());

    assertEquals(Map.of("first", 1, "second", 1), result.testsPassed(), result.diagnostics().toString());
  }

  @Test
  void aCheckSeesWhatTheArticleShowsAfterTheSnippet() {
    Snippet dnat = Snippet.of("iptables",
        "iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 80 -j DNAT --to-destination 127.0.0.1:8080\n", "a.md",
        Map.of());
    Snippet sysctl = Snippet.of("sh", "sysctl -w net.ipv4.conf.eth0.route_localnet=1\n", "a.md", Map.of());

    assertEquals(List.of(), rules(snippets.check(List.of(dnat, sysctl), CheckContext.empty())));
    assertEquals(List.of("iptables.localnet-redirect"), rules(snippets.check(List.of(dnat), CheckContext.empty())));
  }

  private static List<String> rules(ArticleSnippets.Result result) {
    return result.diagnostics().stream().map(d -> d.rule().value()).toList();
  }
}
