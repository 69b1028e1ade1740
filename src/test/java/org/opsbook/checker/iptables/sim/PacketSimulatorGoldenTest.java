package org.opsbook.checker.iptables.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.diag.SourceSpan;

/**
 * Golden traces: {@code name.input} holds {@code @key=value} attribute lines, the rules, a
 * {@code --- packets} line and one packet per line; {@code name.expected} holds the query output
 * for each packet. Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class PacketSimulatorGoldenTest {
  @ParameterizedTest
  @ValueSource(strings = {"owner-redirect", "router", "chains"})
  void tracesMatchTheGoldenFile(String name) throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getResource("/org/opsbook/checker/iptables/sim/" + name + ".input").toURI()).getParent();
    String input = Files.readString(dir.resolve(name + ".input"), StandardCharsets.UTF_8);
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
    for (String packet : input.substring(split + 12).split("\n")) {
      QueryResult q = new TestRunner().query(snippet, List.of(), "", packet);
      actual.append(q.output()).append('\n');
    }
    Path expected = dir.resolve(name + ".expected");
    if (Boolean.getBoolean("golden.update")) {
      Path source = Path.of(System.getProperty("opsbook.root", "."), "src/test/resources/org/opsbook/checker/iptables/sim", name + ".expected");
      Files.writeString(source, actual.toString(), StandardCharsets.UTF_8);
      return;
    }
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual.toString());
  }
}
