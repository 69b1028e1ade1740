package org.opsbook.checker.sshd.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opsbook.check.CheckContext;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.checker.sshd.SshdChecker;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * Runs every rule input under {@code rules/}: a {@code # expect: rule-id[, rule-id]} comment names
 * the findings expected on the next configuration line, {@code # expect-file:} those reported for
 * the whole file (line 1). Any other warning or error fails the test.
 */
class RuleExpectationsTest {
  private static final String DIR = "/org/opsbook/checker/sshd/rules";
  private final SshdChecker checker = new SshdChecker();

  @TestFactory
  Stream<DynamicTest> everyRuleInputReportsExactlyItsMarkedFindings() throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getResource(DIR).toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private void check(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Map<Integer, TreeSet<String>> expected = new TreeMap<>();
    String[] lines = text.split("\n", -1);
    TreeSet<String> pending = new TreeSet<>();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("# expect-file:")) {
        expected.computeIfAbsent(1, k -> new TreeSet<>()).addAll(ids(l.substring("# expect-file:".length())));
      } else if (l.startsWith("# expect:")) {
        pending.addAll(ids(l.substring("# expect:".length())));
      } else if (!l.isEmpty() && !l.startsWith("#") && !pending.isEmpty()) {
        expected.computeIfAbsent(i + 1, k -> new TreeSet<>()).addAll(pending);
        pending.clear();
      }
    }
    Map<Integer, TreeSet<String>> actual = new TreeMap<>();
    for (Diagnostic d : checker.check(Snippet.ofFile("sshd_config", text, file.getFileName().toString()),
        CheckContext.empty())) {
      if (d.severity() != Severity.INFO) {
        actual.computeIfAbsent(d.where().line(), k -> new TreeSet<>()).add(d.rule().value());
      }
    }
    assertEquals(expected, actual, file.getFileName().toString());
  }

  private static List<String> ids(String list) {
    return Stream.of(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void everyRuleHasAStableIdASummaryAndAnExplanationWithASource() {
    List<RuleInfo> rules = new SshdChecker().rules();
    assertEquals(rules.size(), rules.stream().map(r -> r.id().value()).distinct().count());
    for (RuleInfo r : rules) {
      assertTrue(r.id().value().startsWith("sshd."), r.id().value());
      assertTrue(r.explanation().length() > 80, r.id() + " explanation is too thin");
      assertTrue(!r.summary().isBlank(), r.id().value());
    }
  }

  @Test
  void everySecurityAndConsistencyRuleHasAnInputFile() throws URISyntaxException {
    Path dir = Path.of(getClass().getResource(DIR).toURI());
    for (SshdRule r : SshdRules.SECURITY) {
      String name = r.info().id().value().substring("sshd.".length());
      assertTrue(Files.exists(dir.resolve(name + ".conf")), "no input for " + name);
    }
    for (SshdRule r : SshdRules.CONSISTENCY) {
      String name = r.info().id().value().substring("sshd.".length());
      assertTrue(Files.exists(dir.resolve(name + ".conf")), "no input for " + name);
    }
  }
}
