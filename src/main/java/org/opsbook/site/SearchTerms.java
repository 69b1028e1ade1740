package org.opsbook.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the search index cuts text into terms. The theme's search script cuts the reader's query the
 * same way (site.js, {@code terms}), so the two must change together: lower case, runs of
 * letters, digits and underscores ({@code sshd_config} stays one term), two to 40 characters,
 * common English words left out.
 */
final class SearchTerms {
  static final int MIN_LENGTH = 2;
  static final int MAX_LENGTH = 40;

  // Words nearly every article has: their posting lists would be most of the index and rank nothing.
  static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
      "from", "has", "have", "if", "in", "into", "is", "it", "its", "not", "of", "on", "or", "so", "that", "the",
      "their", "then", "there", "these", "this", "to", "was", "we", "were", "will", "with", "which", "you", "your");

  private static final int LONGEST_STOP_WORD = STOP_WORDS.stream().mapToInt(String::length).max().orElse(0);

  private SearchTerms() {}

  /** The terms of a text, in order, repeats kept. */
  static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); ) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      int cp = Character.isSurrogate(c) ? lower.codePointAt(i) : c;
      if (isTermChar(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        String t = lower.substring(start, i);
        if (t.length() >= MIN_LENGTH && t.length() <= MAX_LENGTH
            && (t.length() > LONGEST_STOP_WORD || !STOP_WORDS.contains(t))) {
          out.add(t);
        }
        start = -1;
      }
      i += Character.charCount(cp);
    }
    return out;
  }

  /** A letter ({@code \p{L}}), a number ({@code \p{N}}) or an underscore, as site.js matches them. */
  private static boolean isTermChar(int cp) {
    if (cp < 128) {
      return cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp == '_' || cp >= 'A' && cp <= 'Z';
    }
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /**
   * The shard a term's postings live in: a 31-multiplier string hash over UTF-16 units in 32-bit
   * arithmetic, as site.js computes it with {@code Math.imul}.
   */
  static int shard(String term, int shards) {
    int h = 0;
    for (int i = 0; i < term.length(); i++) {
      h = h * 31 + term.charAt(i);
    }
    return Math.floorMod(h, shards);
  }
}
