package org.opsbook.checker.sshclient;

import org.opsbook.snippet.TestBlockParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.checker.authkeys.AuthorizedKeysChecker;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * The remote-desktop article's snippets, read with a minimal fence reader: plain snippets have no
 * error, {@code expect=} snippets report the named rule, and every test block passes.
 */
class ArticleExamplesTest {
  private static final Path ARTICLE = Paths.get("content/articles/remote-desktop-ssh-tunnel/index.md");

  private record Block(String language, Map<String, String> attributes, String text, int line) {}

  @Test
  void theArticleSnippetsCheckAndItsTestsPass() throws IOException {
    List<Block> blocks = read(Files.readAllLines(ARTICLE));
    Map<String, Checker> checkers = Map.of("ssh_config", new SshClientChecker(), "authorized_keys", new AuthorizedKeysChecker());
    Map<String, Snippet> byId = new HashMap<>();
    int tests = 0;
    int expects = 0;
    for (Block b : blocks) {
      Snippet s = new Snippet(b.language(), b.text(), new SourceSpan(ARTICLE.toString(), b.line() + 1, 1), 0,
          new TreeMap<>(b.attributes()), new SourceSpan(ARTICLE.toString(), b.line(), 1));
      if (b.language().equals("test")) {
        Snippet subject = byId.get(b.attributes().get("for"));
        TestReport r = checkers.get(subject.language()).runTests(subject, TestBlockParser.parse(s).block(), CheckContext.empty());
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
        assertEquals(0, r.failedCount(), r.results().toString());
        tests += r.results().size();
        continue;
      }
      Checker checker = checkers.get(b.language());
      if (checker == null) {
        continue;
      }
      s.id().ifPresent(id -> byId.put(id, s));
      List<Diagnostic> d = checker.check(s, CheckContext.empty());
      String expect = b.attributes().get("expect");
      if (expect == null) {
        String ignore = b.attributes().getOrDefault("ignore", "");
        List<Diagnostic> shown = d.stream().filter(x -> !ignore.contains(x.rule().value())).toList();
        assertTrue(shown.isEmpty(), "line " + b.line() + ": " + shown);
      } else {
        expects++;
        assertTrue(d.stream().anyMatch(x -> x.rule().value().equals(expect)), "line " + b.line() + ": " + d);
      }
    }
    assertTrue(tests >= 4, "test cases run: " + tests);
    assertTrue(expects >= 2, "expect= examples: " + expects);
  }

  private static List<Block> read(List<String> lines) {
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.startsWith("```") || l.length() == 3) {
        continue;
      }
      String info = l.substring(3).replace("{", " ").replace("}", " ").trim();
      String[] words = info.split("\\s+");
      Map<String, String> attrs = new HashMap<>();
      for (int w = 1; w < words.length; w++) {
        int eq = words[w].indexOf('=');
        attrs.put(eq < 0 ? words[w] : words[w].substring(0, eq), eq < 0 ? "true" : words[w].substring(eq + 1));
      }
      StringBuilder body = new StringBuilder();
      int start = i + 1;
      for (i = i + 1; i < lines.size() && !lines.get(i).equals("```"); i++) {
        body.append(lines.get(i)).append('\n');
      }
      out.add(new Block(words[0], attrs, body.toString(), start));
    }
    return out;
  }
}
