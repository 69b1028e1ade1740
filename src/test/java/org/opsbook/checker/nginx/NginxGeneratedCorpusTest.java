package org.opsbook.checker.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.MiniSite;

/**
 * The nginx snippets of the shared benchmark generator's corpus, written by nobody here: opsbook
 * must find an error in exactly those nginx -t refuses.
 */
@Tag("oracle")
class NginxGeneratedCorpusTest {
  private static final Pattern FENCE = Pattern.compile("(?ms)^```nginx[^\\n]*\\n(.*?)^```$");

  @TempDir Path dir;

  @Test
  void findsErrorsInExactlyTheGeneratedSnippetsNginxRefuses() throws Exception {
    Path generator = MiniSite.repositoryRoot().resolve("../shared/bench/gen-corpus").normalize();
    Assumptions.assumeTrue(Files.isExecutable(generator) && RealNginx.available(),
        "needs the shared benchmark generator and nginx in a namespace");
    Process p = new ProcessBuilder(generator.toString(), "--articles", "300", "--out", dir.resolve("content").toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "gen-corpus failed");
    Map<String, OracleCase> distinct = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(dir.resolve("content"))) {
      for (Path md : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        Matcher m = FENCE.matcher(Files.readString(md));
        while (m.find()) {
          String text = m.group(1);
          distinct.computeIfAbsent(text, t -> new OracleCase("generated-" + distinct.size(), t, Map.of(), Optional.empty()));
        }
      }
    }
    assertTrue(!distinct.isEmpty(), "the corpus has nginx snippets");
    List<OracleCase> cases = List.copyOf(distinct.values());
    Map<String, RealNginx.Verdict> verdicts = RealNginx.test(cases);
    NginxChecker checker = new NginxChecker();
    List<String> disagreements = new ArrayList<>();
    int refused = 0;
    for (OracleCase c : cases) {
      RealNginx.Verdict v = verdicts.get(c.name());
      boolean errors = checker.check(c.snippet(), c.checkContext()).stream().anyMatch(Diagnostic::isError);
      refused += v.accepted() ? 0 : 1;
      if (v.accepted() == errors) {
        disagreements.add((v.accepted() ? "nginx accepts, opsbook reports errors: " : "nginx refuses (" + v.message()
            + "), opsbook finds none: ") + c.text());
      }
    }
    System.out.println("nginx generated corpus: " + cases.size() + " distinct snippets, nginx refuses " + refused);
    assertEquals(List.of(), disagreements);
  }
}
