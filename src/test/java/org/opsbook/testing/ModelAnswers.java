package org.opsbook.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.snippet.TestBlockParser;

/**
 * Asserts what a checker's executable model answers, through the same test-block grammar and
 * checker the build uses: a config text and the text of a {@code test} block, every case of
 * which must pass.
 */
public final class ModelAnswers {
  private ModelAnswers() {}

  public static void assertAll(String language, String config, String cases) {
    assertAll(language, config, cases, Map.of());
  }

  public static void assertAll(String language, String config, String cases, Map<String, String> blockAttributes) {
    Checker checker = CheckerRegistry.load().forLanguage(language).orElseThrow();
    Snippet subject = Snippet.of(language, config, "config", Map.of("id", "subject"));
    Map<String, String> attrs = new TreeMap<>(blockAttributes);
    attrs.put("for", "subject");
    var parsed = TestBlockParser.parse(Snippet.of("test", cases, "cases", attrs));
    assertEquals(List.of(), parsed.problems(), "the cases can be read");
    TestReport report = checker.runTests(subject, parsed.block(), CheckContext.empty());
    assertEquals(List.of(), report.diagnostics(), "every question can be read");
    assertTrue(!report.results().isEmpty(), "there are cases");
    List<String> failures = report.results().stream().filter(r -> !r.passed())
        .map(r -> r.description() + "\n  " + r.message()).toList();
    assertEquals(List.of(), failures, "every case passes");
    assertEquals(parsed.block().cases().size(), report.results().stream().filter(TestResult::passed).count());
  }
}
