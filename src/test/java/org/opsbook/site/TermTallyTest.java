package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermTallyTest {
  private static final int[] FIELDS = {SearchIndexFile.TITLE, SearchIndexFile.HEADING, SearchIndexFile.TAG, SearchIndexFile.BODY};

  /** The plain way: every term a string, counted in a map, sorted, packed. */
  private static byte[] byMap(List<String> texts, List<Integer> fields) {
    Map<String, int[]> tally = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      for (String term : SearchTermsTest.terms(texts.get(i))) {
        int[] f = tally.computeIfAbsent(term, k -> new int[2]);
        f[0] |= fields.get(i);
        if (fields.get(i) == SearchIndexFile.BODY) {
          f[1]++;
        }
      }
    }
    String[] sorted = tally.keySet().toArray(String[]::new);
    Arrays.sort(sorted);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String term : sorted) {
      out.write(SearchIndexFile.code(tally.get(term)[0], tally.get(term)[1]));
      out.writeBytes(term.getBytes(StandardCharsets.UTF_8));
      out.write(' ');
    }
    return out.toByteArray();
  }

  @Test
  void packsWhatCountingEveryTermInAMapPacks() {
    // ASCII capitals, Latin-1, other scripts, the capitals that lower-case to other lengths or to
    // ASCII (U+0130, the Kelvin sign), final sigma, characters outside the BMP, lone surrogates,
    // stop words in every case, and words repeated often enough to fill and grow the table.
    String[] words = {"The", "THE", "the", "sshd_config", "Port", "port", "PORT", "22", "İstanbul", "\u212Aelvin",
        "ΟΔΟΣ", "οδος", "Größe", "日本語", "\uD835\uDC9Cbc", "x\uD800y", "And", "iptables", "-j", "REDIRECT", "a",
        "Σ", "é", "_", "__init__", "ǅungla"};
    Random random = new Random(11);
    int checked = 0;
    for (int n = 0; n < 3_000; n++) {
      int parts = 1 + random.nextInt(8);
      List<String> texts = new java.util.ArrayList<>();
      List<Integer> fields = new java.util.ArrayList<>();
      for (int p = 0; p < parts; p++) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(n % 10 == 0 ? 3_000 : 40);
        for (int w = 0; w < length; w++) {
          if (random.nextInt(3) == 0) {
            text.append(words[random.nextInt(words.length)]);
          } else {
            for (int c = 0, k = 1 + random.nextInt(7); c < k; c++) {
              text.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
            }
          }
          text.append(" .,;/\t\n-".charAt(random.nextInt(8)));
        }
        texts.add(text.toString());
        fields.add(FIELDS[random.nextInt(FIELDS.length)]);
      }
      TermTally tally = new TermTally();
      for (int i = 0; i < texts.size(); i++) {
        tally.add(texts.get(i), fields.get(i));
      }
      byte[] expected = byMap(texts, fields);
      assertArrayEquals(expected, tally.packed(), texts.toString());
      checked += expected.length > 0 ? 1 : 0;
    }
    assertEquals(true, checked > 2_500, "most cases have terms: " + checked);
  }

  @Test
  void aTermsHashIsItsStringsHash() {
    List<String> seen = new java.util.ArrayList<>();
    SearchTerms.scan("Restart SSHD_config \uD835\uDC9Cbc İstanbul port", (chars, start, end, hash) -> {
      String t = new String(chars, start, end - start);
      assertEquals(t.hashCode(), hash, t);
      seen.add(t);
    });
    // U+0130 lower-cases to "i" and a combining dot, which is no letter: "i" alone is too short.
    assertEquals(List.of("restart", "sshd_config", "\uD835\uDC9Cbc", "stanbul", "port"), seen);
  }
}
