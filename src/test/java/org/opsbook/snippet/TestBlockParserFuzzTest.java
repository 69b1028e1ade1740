package org.opsbook.snippet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestCase;

class TestBlockParserFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void readsAnyTextIntoCasesOrErrorsAtLinesOfTheBlock(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Snippet block = Snippet.of("test", text, "a.md", Map.of("for", "x"));
    TestBlockParser.Result r = TestBlockParser.parse(block);
    int lines = block.lines().size();
    for (TestCase c : r.block().cases()) {
      assertTrue(!c.question().isBlank() && !c.expected().isBlank());
      assertTrue(c.where().line() <= lines && c.expectedAt().line() <= lines);
    }
    r.problems().forEach(d -> assertTrue(d.where().line() <= Math.max(1, lines)));
  }
}
