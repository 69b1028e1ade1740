package org.opsbook.checker.haproxy.validate;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;
import org.opsbook.check.Suggestion;

/**
 * The HAProxy checker's "did you mean" hints, on the kit's {@link Suggestion}: keywords compare in
 * lower case, and among equally close ones the first in alphabetical order wins, so the hint does
 * not depend on the order of a catalogue. Stateless.
 */
final class Suggest {
  private Suggest() {}

  /** The known word closest to {@code word} within a small edit distance, or null. */
  static String closest(String word, Collection<String> known) {
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    return Suggestion.closest(word.toLowerCase(Locale.ROOT), new TreeSet<>(known), limit).orElse(null);
  }

  static String hint(String word, Collection<String> known) {
    String c = closest(word, known);
    return c == null ? null : "did you mean '" + c + "'?";
  }
}
