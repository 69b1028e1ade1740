package org.opsbook.checker.sshd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * Runs the checker over a generated benchmark corpus: every seeded sshd mistake must be an error
 * at the manifest's line and column, and no other sshd snippet may get an error. The generator is
 * found through the {@code OPSBOOK_GEN_CORPUS} environment variable.
 */
@Tag("oracle")
class GenCorpusTest {

  @Test
  void catchesEverySeededSshdMistakeAndNothingElse(@TempDir Path temp) throws Exception {
    String generator = System.getenv("OPSBOOK_GEN_CORPUS");
    Assumptions.assumeTrue(generator != null && Files.isExecutable(Path.of(generator)),
        "set OPSBOOK_GEN_CORPUS to the gen-corpus script to run the benchmark corpus");
    Process p = new ProcessBuilder(generator, "--articles", "200", "--out", temp.resolve("content").toString())
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "gen-corpus failed");
    JsonNode manifest = new ObjectMapper().readTree(temp.resolve("corpus-manifest.json").toFile());
    SshdChecker checker = new SshdChecker();
    int snippets = 0;
    int mistakes = 0;
    List<String> problems = new ArrayList<>();
    for (JsonNode s : manifest.get("snippets")) {
      if (!s.get("language").asText().equals("sshd_config")) {
        continue;
      }
      snippets++;
      String article = s.get("article").asText();
      List<String> lines = Files.readAllLines(temp.resolve("content").resolve(article), StandardCharsets.UTF_8);
      int fence = s.get("line").asInt();
      String text = String.join("\n", lines.subList(fence, fence + s.get("body_lines").asInt())) + "\n";
      Snippet snippet = new Snippet("sshd_config", text, new SourceSpan(article, fence + 1, 1), 0, new TreeMap<>(),
          new SourceSpan(article, fence, 1));
      List<Diagnostic> errors = checker.check(snippet, CheckContext.empty()).stream().filter(Diagnostic::isError).toList();
      JsonNode mistake = s.get("mistake");
      if (mistake != null && !mistake.isNull()) {
        mistakes++;
        int line = mistake.get("line").asInt();
        int column = mistake.get("column").asInt();
        if (errors.stream().noneMatch(d -> d.where().line() == line && d.where().column() == column)) {
          problems.add("missed " + article + ":" + line + ":" + column + " " + mistake.get("kind") + ", got " + errors);
        }
      } else if (!errors.isEmpty()) {
        problems.add("false error " + errors);
      }
    }
    System.out.println("gen-corpus: " + snippets + " sshd snippets, " + mistakes + " seeded mistakes");
    assertTrue(mistakes > 0, "the corpus should seed sshd mistakes");
    assertEquals(List.of(), problems);
  }
}
