package org.opsbook.checker.postfix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.checker.postfix.PostfixChecker;
import org.opsbook.diag.Diagnostic;

/**
 * Rule inputs mark each expected finding with a {@code # expect: rule-id} comment above the
 * line; a finding on an unmarked line, or a marked line without its finding, fails.
 */
class ExpectedFindingsTest {
  private final PostfixChecker checker = new PostfixChecker();

  @ParameterizedTest
  @ValueSource(strings = {"actions.header_checks", "lint.header_checks", "parser.header_checks"})
  void reportsExactlyTheMarkedFindings(String name) throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream(name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<Integer, TreeSet<String>> expected = new TreeMap<>();
    List<String> lines = List.of(text.split("\n", -1));
    TreeSet<String> pending = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("# expect:")) {
        for (String id : line.substring("# expect:".length()).split(",")) {
          pending.add(id.trim());
        }
      } else if (!line.startsWith("#") && !line.isBlank() && !pending.isEmpty()) {
        expected.put(i + 1, pending);
        pending = new TreeSet<>();
      }
    }
    Snippet snippet = Snippet.ofFile("header_checks", text, name);
    Map<Integer, TreeSet<String>> actual = new TreeMap<>();
    for (Diagnostic d : checker.check(snippet, CheckContext.empty())) {
      actual.computeIfAbsent(d.where().line(), k -> new TreeSet<>()).add(d.rule().value());
    }
    assertEquals(expected, actual);
  }
}
