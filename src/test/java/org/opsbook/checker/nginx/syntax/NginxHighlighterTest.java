package org.opsbook.checker.nginx.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NginxHighlighterTest {
  @Test
  void aNumberIsWhatTheUnitPatternMatches() {
    String pool = "0123456789kKmMgGsShdwyx.-$ ";
    Random random = new Random(5);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder w = new StringBuilder();
      for (int i = 0, k = random.nextInt(6); i < k; i++) {
        w.append(pool.charAt(random.nextInt(pool.length())));
      }
      String word = w.toString();
      assertEquals(word.matches("[0-9]+[kKmMgGsShdwy]?|[0-9]+ms"), NginxHighlighter.isNumber(word), word);
    }
  }
}
