package org.opsbook.checker.iptables;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * Runs the checker over a generated benchmark corpus named by {@code -Dopsbook.corpus=DIR} (the
 * folder holding corpus-manifest.json): every seeded iptables mistake must be an error on its
 * line, and no other iptables snippet may get an error.
 */
class GenCorpusTest {
  @Test
  void reportsEverySeededMistakeAndNothingElse() throws IOException {
    String dir = System.getProperty("opsbook.corpus", "");
    Assumptions.assumeTrue(!dir.isEmpty() && Files.exists(Path.of(dir, "corpus-manifest.json")),
        "no corpus given: run with -Dopsbook.corpus=DIR after gen-corpus --out DIR/content");
    JsonNode manifest = new ObjectMapper().readTree(Path.of(dir, "corpus-manifest.json").toFile());
    Path content = Path.of(dir).resolve(manifest.get("content_dir").asText());
    IptablesChecker checker = new IptablesChecker();
    List<String> problems = new ArrayList<>();
    int snippets = 0;
    int mistakes = 0;
    for (JsonNode s : manifest.get("snippets")) {
      if (!s.get("language").asText().equals("iptables")) {
        continue;
      }
      snippets++;
      String article = s.get("article").asText();
      List<String> lines = Files.readAllLines(content.resolve(article), StandardCharsets.UTF_8);
      int fence = s.get("line").asInt();
      int n = s.get("body_lines").asInt();
      String body = String.join("\n", lines.subList(fence, fence + n)) + "\n";
      SourceSpan origin = new SourceSpan(article, fence + 1, 1);
      TreeMap<String, String> attrs = new TreeMap<>();
      Snippet snippet = new Snippet("iptables", body, origin, 0, attrs, new SourceSpan(article, fence, 1));
      List<Diagnostic> errors = checker.check(snippet, CheckContext.empty()).stream().filter(Diagnostic::isError).toList();
      JsonNode mistake = s.get("mistake");
      if (mistake == null || mistake.isNull()) {
        if (!errors.isEmpty()) {
          problems.add("false error: " + errors);
        }
      } else {
        mistakes++;
        int line = mistake.get("line").asInt();
        int column = mistake.get("column").asInt();
        boolean hit = errors.stream().anyMatch(d -> d.where().line() == line && d.where().column() == column);
        if (!hit) {
          problems.add("missed " + article + ":" + line + ":" + column + " got " + errors);
        }
      }
    }
    System.out.printf("gen-corpus: %d iptables snippets, %d seeded mistakes, %d problems%n", snippets, mistakes, problems.size());
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}
