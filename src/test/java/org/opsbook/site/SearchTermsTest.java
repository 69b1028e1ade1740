package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SearchTermsTest {
  /** The definition site.js uses: runs of letters, numbers and underscores in the lower-cased text. */
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}_]+");

  private static List<String> byRegex(String text) {
    List<String> out = new ArrayList<>();
    for (String t : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
      if (t.length() >= SearchTerms.MIN_LENGTH && t.length() <= SearchTerms.MAX_LENGTH && !SearchTerms.STOP_WORDS.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** The terms of a text as the index keeps them: in order, repeats kept, stop words left out. */
  static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    SearchTerms.scan(text, (chars, start, end, hash) -> {
      String t = new String(chars, start, end - start);
      if (!SearchTerms.isStopWord(t)) {
        out.add(t);
      }
    });
    return out;
  }

  @Test
  void termsAreCutAsTheSearchScriptsExpressionCutsThem() {
    // Code points from every corner that matters: ASCII, Latin-1, letters and numbers of other
    // scripts, combining marks, the dotted capital I that lower-cases to two code points, and
    // characters outside the Basic Multilingual Plane.
    int[] pool = {'a', 'Z', '0', '9', '_', '-', ' ', '.', '/', '\t', 'é', 'ß', 'µ', '²', '½', 'Ⅻ', '٣', 'ж', '日',
        0x0301, 0x0130, 0x1D49C, 0x1F600, 0x10400, 'K', 'İ', '¹'};
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.appendCodePoint(random.nextInt(4) == 0 ? pool[random.nextInt(pool.length)] : 'a' + random.nextInt(26));
        if (random.nextInt(6) == 0) {
          text.append(' ');
        }
      }
      assertEquals(byRegex(text.toString()), terms(text.toString()), text.toString());
    }
  }

  @Test
  void aLongTextFullOfCapitalsThatChangeLengthOrContextIsCutAsTheExpressionCutsIt() {
    // U+0130 lower-cases to two characters; final sigma depends on its neighbours.
    String pool = "\u0130\u03A3\u03C3ab\u0307 _-.'\u00C9";
    Random random = new Random(3);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      text.append(pool.charAt(random.nextInt(pool.length())));
    }
    assertEquals(byRegex(text.toString()), terms(text.toString()));
  }

  @Test
  void proseBecomesLowerCaseTermsWithoutStopWordsOrSingleLetters() {
    assertEquals(List.of("restart", "sshd_config", "port", "22", "größe", "日本語"),
        terms("Restart the sshd_config, port 22! Größe 日本語 a"));
  }
}
