package org.opsbook.checker.postfix;

import org.opsbook.snippet.TestBlockParser;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;

/** Bad input is a diagnostic, never an exception: random tables, keys and test blocks. */
class RobustnessTest {
  private static final String ALPHABET = "/!#|%()[]{}^$.*+?\\:-_ \t\naAbB1$${}iImsxAEUX é€\u0000";

  @Test
  void randomInputNeverThrows() {
    PostfixChecker checker = new PostfixChecker();
    Random random = new Random(7);
    for (int i = 0; i < 5000; i++) {
      StringBuilder t = new StringBuilder();
      for (int line = random.nextInt(5); line >= 0; line--) {
        t.append(random.nextInt(4) == 0 ? random(random, 30)
            : (random.nextBoolean() ? "if " : "") + "/" + random(random, 25) + "/" + random(random, 3) + " " + random(random, 20));
        t.append('\n');
      }
      String table = t.toString();
      String language = List.of("postfix-pcre", "postfix-regexp", "header_checks", "body_checks").get(i % 4);
      Snippet snippet = Snippet.of(language, table, "r.md", Map.of());
      assertNotNull(checker.check(snippet, CheckContext.empty()));
      assertNotNull(checker.query(snippet, random(random, 20), CheckContext.empty()));
      assertNotNull(checker.highlight(table, language));
      Snippet tests = Snippet.of("test", random(random, 40) + " => " + random(random, 10) + "\n", "r.md", Map.of());
      assertNotNull(checker.runTests(snippet, TestBlockParser.parse(tests).block(), CheckContext.empty()));
    }
  }

  private static String random(Random r, int max) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(max);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
