package org.opsbook.checker.iptables.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.IptablesChecker;
import org.opsbook.diag.SourceSpan;
import org.opsbook.testing.Golden;
import org.opsbook.testing.Project;

/**
 * Golden traces: {@code name.input} holds {@code @key=value} attribute lines, the rules, a
 * {@code --- packets} line and one packet per line; {@code name.expected} holds the query output
 * for each packet. Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class PacketSimulatorGoldenTest {
  private static final String DIR = "org/opsbook/checker/iptables/sim/";

  @ParameterizedTest
  @ValueSource(strings = {"owner-redirect", "router", "chains"})
  void tracesMatchTheGoldenFile(String name) throws IOException {
    String input = Files.readString(Project.testResource(DIR + name + ".input"), StandardCharsets.UTF_8);
    int split = input.indexOf("--- packets\n");
    TreeMap<String, String> attrs = new TreeMap<>();
    StringBuilder rules = new StringBuilder();
    for (String line : input.substring(0, split).split("\n")) {
      if (line.startsWith("@")) {
        attrs.put(line.substring(1, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      } else {
        rules.append(line).append('\n');
      }
    }
    SourceSpan origin = new SourceSpan(name + ".input", 1, 1);
    Snippet snippet = new Snippet("iptables", rules.toString(), origin, 0, attrs, origin);
    StringBuilder actual = new StringBuilder();
    IptablesChecker checker = new IptablesChecker();
    for (String packet : input.substring(split + 12).split("\n")) {
      QueryResult q = checker.query(snippet, packet, CheckContext.empty());
      actual.append(q.output()).append('\n');
    }
    Golden.assertMatches(DIR + name + ".expected", actual.toString());
  }
}
