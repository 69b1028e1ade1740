package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.MiniSite;

/**
 * Checks a corpus from the shared benchmark generator with every checker, the way {@code opsbook
 * check} does, and compares the errors with the mistakes the generator seeded: each must be
 * reported at its Markdown line and column, and no other line may get an error (every other
 * snippet is accepted by the real sshd, iptables and postmap).
 */
class CorpusTest {
  private static final int ARTICLES = 300;

  @TempDir Path dir;

  @Test
  void reportsEverySeededMistakeAtItsPositionAndNothingElse() throws Exception {
    Path generator = MiniSite.repositoryRoot().resolve("../shared/bench/gen-corpus").normalize();
    Assumptions.assumeTrue(Files.isExecutable(generator),
        "the benchmark generator is not beside the project (" + generator + "); corpus comparison skipped");
    Process p = new ProcessBuilder(generator.toString(), "--articles", String.valueOf(ARTICLES), "--out",
        dir.resolve("content").toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "gen-corpus failed");

    BuildOptions options = BuildOptions.forProject(dir).withContent(dir.resolve("content"), "content").withWrite(false);
    BuildResult result = new Build(CheckerRegistry.load()).run(options);
    Map<String, List<Diagnostic>> errors = new TreeMap<>();
    for (Diagnostic d : result.report().diagnostics()) {
      // The generator seeds and vouches for sshd, iptables and Postfix snippets only; its nginx
      // snippets are compared with nginx -t itself in checker.nginx.NginxGeneratedCorpusTest.
      if (d.isError() && !d.rule().value().startsWith("nginx.")) {
        errors.computeIfAbsent(d.where().file() + ":" + d.where().line(), k -> new ArrayList<>()).add(d);
      }
    }
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("corpus-manifest.json").toFile());
    List<String> missed = new ArrayList<>();
    List<String> wrongColumn = new ArrayList<>();
    int seeded = 0;
    for (JsonNode s : manifest.get("snippets")) {
      JsonNode m = s.get("mistake");
      if (m == null || m.isNull()) {
        continue;
      }
      seeded++;
      String key = "content/" + s.get("article").asText() + ":" + m.get("line").asInt();
      List<Diagnostic> found = errors.remove(key);
      if (found == null) {
        missed.add(key + " " + m.get("kind").asText() + ": " + m.get("text").asText());
      } else if (found.stream().noneMatch(d -> d.where().column() == m.get("column").asInt())) {
        wrongColumn.add(key + ":" + m.get("column").asInt() + " reported at " + found.get(0).where());
      }
    }
    assertTrue(seeded > 0, "the corpus has seeded mistakes");
    assertEquals(List.of(), missed, "seeded mistakes not reported");
    assertEquals(List.of(), wrongColumn, "seeded mistakes reported at another column");
    assertEquals(Map.of(), errors, "errors where the real programs accept the snippet");
  }
}
