package org.opsbook.checker.iptables.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.IptablesChecker;
import org.opsbook.diag.Diagnostic;

/**
 * Rule inputs mark each expected finding with a {@code # expect: RULE} comment above the line;
 * every finding must be marked and every mark must be found.
 */
class LintRulesTest {
  @ParameterizedTest
  @ValueSource(strings = {"shadowed-and-accept-all", "state-and-established", "localnet-and-never", "errors", "shell-forms"})
  void reportsExactlyTheMarkedFindings(String name) throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/org/opsbook/checker/iptables/rules/" + name + ".iptables")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> expected = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("# expect: ")) {
        int target = i + 1;
        while (lines[target].startsWith("# expect: ")) {
          target++;
        }
        expected.add((target + 1) + " " + lines[i].substring(10).strip());
      }
    }
    Snippet snippet = Snippet.ofFile("iptables", text, name + ".iptables");
    List<String> actual = new ArrayList<>();
    for (Diagnostic d : new IptablesChecker().check(snippet, CheckContext.empty())) {
      actual.add(d.where().line() + " " + d.rule().value());
    }
    expected.sort(null);
    actual.sort(null);
    assertEquals(expected, actual);
  }
}
