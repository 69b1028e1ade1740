package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchWordsTest {
  private static final String[] PIECES = {"a", "ab", "abc", "PermitRootLogin", "-j", "--dport", "-A", "22", "x1",
      " ", "\t", "\n", "\u000B", "\f", "\r", ",", ";", "=", "\"", "'", "(", ")", "[", "]", "{", "}", ":", "/", ".",
      "\u00a0", "\u2003", "größe", "日本語", "𝒳𝒴", "é", "_under", "$VAR", "a".repeat(40), "b".repeat(41)};

  /** What the words were before: a regular expression split. */
  private static String reference(List<String> texts) {
    Set<String> words = new LinkedHashSet<>();
    for (String text : texts) {
      for (String w : text.split("[\\s,;=\"'()\\[\\]{}]+")) {
        if (w.length() >= 3 && w.length() <= 40 && (Character.isLetter(w.charAt(0)) || w.startsWith("-"))) {
          words.add(w);
          if (words.size() >= 120) {
            return String.join(" ", words);
          }
        }
      }
    }
    return String.join(" ", words);
  }

  @Test
  void theSameWordsAsTheRegularExpressionSplit() {
    Random random = new Random(23);
    int capped = 0;
    for (int round = 0; round < 5000; round++) {
      List<String> texts = new ArrayList<>();
      for (int t = random.nextInt(3); t >= 0; t--) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(round % 10 == 0 ? 2000 : 40); i >= 0; i--) {
          text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        texts.add(text.toString());
      }
      String expected = reference(texts);
      assertEquals(expected, ArticleProcessor.searchWords(texts), texts.toString());
      capped += expected.split(" ").length == 120 ? 1 : 0;
    }
    assertTrue(capped > 10, "some rounds reach the cap: " + capped);
  }
}
