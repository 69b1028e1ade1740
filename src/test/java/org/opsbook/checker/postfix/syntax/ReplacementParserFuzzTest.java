package org.opsbook.checker.postfix.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.opsbook.checker.postfix.model.Replacement;

class ReplacementParserFuzzTest {

  /**
   * Any result text splits into literals and group numbers of at least 1, or is refused at an
   * offset within it; the literal text never loses or invents a character other than {@code $$}.
   */
  @FuzzTest(maxDuration = "20s")
  void fuzzReplacementParser(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    ReplacementParser.Result r = ReplacementParser.parse(text);
    if (!r.ok()) {
      assertTrue(r.errorOffset() >= 0 && r.errorOffset() < Math.max(1, text.length()), "offset " + r.errorOffset());
      return;
    }
    int literal = 0;
    for (Replacement.Part part : r.replacement().parts()) {
      if (part instanceof Replacement.Group g) {
        assertTrue(g.number() >= 1, "group " + g.number());
      } else if (part instanceof Replacement.Literal l) {
        literal += l.text().length();
      }
    }
    assertTrue(literal <= text.length(), "literal text grew");
    assertTrue(r.replacement().maxGroup() >= 0);
  }
}
