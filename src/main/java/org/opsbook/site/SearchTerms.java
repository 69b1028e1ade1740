package org.opsbook.site;

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

  /** Receives the terms of a text, as {@link #scan} cuts them. */
  interface Sink {
    /**
     * One term: {@code new String(text, start, end - start)}, whose {@link String#hashCode()} is
     * {@code hash}. Its length is within the bounds; it may be a stop word.
     */
    void term(char[] text, int start, int end, int hash);
  }

  /**
   * Cuts a text into terms of the allowed length, stop words included, without making a string
   * of each. The text is lower-cased as {@code String.toLowerCase(Locale.ROOT)} does; a text of
   * ASCII alone is lower-cased in the scan's own copy. The scan reads an array rather than the
   * string, which is much cheaper for the compiler that builds run with.
   */
  static void scan(String text, Sink sink) {
    char[] chars = text.toCharArray();
    if (!lowerAscii(chars)) {
      // U+0130 is the one character whose lower case is longer ("i" and a combining dot), and
      // Java grows its result array for each one: a long section of Turkish took minutes. Written
      // out first, it lower-cases in one pass to the same text.
      chars = text.replace("\u0130", "i\u0307").toLowerCase(Locale.ROOT).toCharArray();
    }
    int start = -1;
    int hash = 0;
    for (int i = 0; i <= chars.length; ) {
      char c = i < chars.length ? chars[i] : ' ';
      int cp = Character.isSurrogate(c) ? Character.codePointAt(chars, i) : c;
      int step = Character.charCount(cp);
      if (isTermChar(cp)) {
        if (start < 0) {
          start = i;
          hash = 0;
        }
        hash = 31 * hash + c;
        if (step == 2) {
          hash = 31 * hash + chars[i + 1];
        }
      } else if (start >= 0) {
        int length = i - start;
        if (length >= MIN_LENGTH && length <= MAX_LENGTH) {
          sink.term(chars, start, i, hash);
        }
        start = -1;
      }
      i += step;
    }
  }

  /** A word so common that the index leaves it out. */
  static boolean isStopWord(String term) {
    return term.length() <= LONGEST_STOP_WORD && STOP_WORDS.contains(term);
  }

  /** Makes A to Z small, in place; false (and the array half done) when it holds anything but ASCII. */
  private static boolean lowerAscii(char[] chars) {
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 128) {
        return false;
      }
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + ('a' - 'A'));
      }
    }
    return true;
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
