package org.opsbook.check;

import java.util.Collection;
import java.util.Optional;

/**
 * The "did you mean ...?" every checker offers for a misspelt keyword, target or option: the
 * candidate at the smallest edit distance, if it is close enough to be a typo. Pure functions.
 */
public final class Suggestion {
  private Suggestion() {}

  /**
   * The candidate nearest to {@code word} by {@link #distance}, when that distance is at most
   * {@code maxDistance} and less than half the word's length (so short words do not match
   * everything); ties go to the candidate that comes first.
   */
  public static Optional<String> closest(String word, Collection<String> candidates, int maxDistance) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (Math.abs(c.length() - word.length()) > maxDistance) {
        continue;
      }
      int d = distance(word, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= maxDistance && bestDistance * 2 < word.length() ? Optional.of(best) : Optional.empty();
  }

  /**
   * The fewest single-character insertions, deletions, substitutions and swaps of two adjacent
   * characters that turn {@code a} into {@code b} (optimal string alignment distance), so the
   * common typo {@code ACCPET} is one step from {@code ACCEPT}.
   */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
