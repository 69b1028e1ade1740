package org.opsbook.checker.haproxy.validate;

import java.util.Collection;
import java.util.Locale;

/** A close spelling among known words, for hints ("did you mean"). Stateless. */
final class Suggest {
  private Suggest() {}

  /** The known word closest to {@code word} within a small edit distance, or null. */
  static String closest(String word, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = word.toLowerCase(Locale.ROOT);
    for (String k : known) {
      int d = distance(w, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
        bestDistance = d;
        best = k;
      }
    }
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    return bestDistance <= limit ? best : null;
  }

  static String hint(String word, Collection<String> known) {
    String c = closest(word, known);
    return c == null ? null : "did you mean '" + c + "'?";
  }

  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
