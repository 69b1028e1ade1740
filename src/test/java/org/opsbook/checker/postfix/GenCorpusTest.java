package org.opsbook.checker.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * Runs the checker over a generated benchmark corpus: every seeded Postfix mistake must be an
 * error at the manifest's line, and no other Postfix snippet may get an error. The generator is
 * named by the environment variable {@code OPSBOOK_GEN_CORPUS}; without it the test is skipped.
 */
@Tag("corpus")
class GenCorpusTest {
  private static final String LANGUAGE = "postfix-header-checks";

  @Test
  void seededMistakesAreErrorsAndCleanSnippetsAreNot() throws Exception {
    String generator = System.getenv("OPSBOOK_GEN_CORPUS");
    Assumptions.assumeTrue(generator != null && Files.isExecutable(Path.of(generator)),
        "set OPSBOOK_GEN_CORPUS to the gen-corpus tool to run this test");
    Path root = Files.createTempDirectory("opsbook-corpus");
    try {
      Process p = new ProcessBuilder(generator, "--articles", "200", "--out", root.resolve("content").toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "gen-corpus failed");
      JsonNode manifest = new ObjectMapper().readTree(root.resolve("corpus-manifest.json").toFile());
      Path content = root.resolve(manifest.path("content_dir").asText("content"));
      PostfixChecker checker = new PostfixChecker();
      Map<String, List<String>> files = new HashMap<>();
      List<String> problems = new ArrayList<>();
      int snippets = 0;
      int seeded = 0;
      for (JsonNode s : manifest.path("snippets")) {
        if (!LANGUAGE.equals(s.path("language").asText())) {
          continue;
        }
        snippets++;
        String article = s.path("article").asText();
        List<String> lines = files.computeIfAbsent(article, a -> read(content.resolve(a)));
        int fence = s.path("line").asInt();
        int n = s.path("body_lines").asInt();
        String body = String.join("\n", lines.subList(fence, fence + n)) + "\n";
        SourceSpan origin = new SourceSpan(article, fence + 1, 1);
        Snippet snippet = new Snippet(LANGUAGE, body, origin, 0, new TreeMap<>(), new SourceSpan(article, fence, 1));
        List<Diagnostic> errors = checker.check(snippet, CheckContext.empty()).stream().filter(Diagnostic::isError).toList();
        JsonNode mistake = s.path("mistake");
        if (mistake.isMissingNode() || mistake.isNull()) {
          if (!errors.isEmpty()) {
            problems.add("clean snippet got " + errors);
          }
          continue;
        }
        seeded++;
        int line = mistake.path("line").asInt();
        int column = mistake.path("column").asInt();
        boolean hit = errors.stream().anyMatch(d -> d.where().line() == line && d.where().column() == column);
        if (!hit) {
          problems.add(article + ":" + line + ":" + column + ": seeded " + mistake.path("kind").asText()
              + " not reported there; got " + errors);
        }
      }
      System.out.printf(Locale.ROOT, "gen-corpus: %d postfix snippets, %d seeded mistakes, %d problems%n",
          snippets, seeded, problems.size());
      assertTrue(seeded > 0, "the corpus has no seeded Postfix mistakes");
      assertEquals(List.of(), problems);
    } finally {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static List<String> read(Path file) {
    try {
      return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
