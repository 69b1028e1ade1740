package org.opsbook.site;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An article's search terms while its entry is made: for each term, the fields it appears in and
 * how often the body has it. An article repeats most of its words many times, so a term is looked
 * up by its characters in the text, and a string is made only the first time it is seen; a stop
 * word is recognised once, too. (Making a string and a map entry for every word was most of the
 * cost of indexing an article.)
 */
final class TermTally implements SearchTerms.Sink {
  // Enough for most articles' distinct terms at half load, so the table seldom grows.
  private static final int FIRST_CAPACITY = 2048;

  private String[] terms = new String[FIRST_CAPACITY];
  private int[] fields = new int[FIRST_CAPACITY];
  private int[] counts = new int[FIRST_CAPACITY];
  private int size;
  private int field;

  /** Adds the terms of {@code text}, found in {@code field} ({@link SearchIndexFile#BODY} and so on). */
  void add(String text, int field) {
    this.field = field;
    SearchTerms.scan(text, this);
  }

  @Override
  public void term(char[] text, int start, int end, int hash) {
    int mask = terms.length - 1;
    int slot = spread(hash) & mask;
    for (String t = terms[slot]; t != null; t = terms[slot]) {
      if (t.hashCode() == hash && same(t, text, start, end)) {
        count(slot);
        return;
      }
      slot = (slot + 1) & mask;
    }
    terms[slot] = new String(text, start, end - start);
    count(slot);
    if (++size * 2 > terms.length) {
      grow();
    }
  }

  private static boolean same(String term, char[] text, int start, int end) {
    if (term.length() != end - start) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (term.charAt(i - start) != text[i]) {
        return false;
      }
    }
    return true;
  }

  private void count(int slot) {
    fields[slot] |= field;
    if (field == SearchIndexFile.BODY) {
      counts[slot]++;
    }
  }

  /**
   * The terms in sorted order, stop words left out, packed as {@link SearchEntry} keeps them: per
   * term its code, its UTF-8 bytes and a space.
   */
  byte[] packed() {
    String[] sorted = new String[size];
    int n = 0;
    for (String t : terms) {
      if (t != null && !SearchTerms.isStopWord(t)) {
        sorted[n++] = t;
      }
    }
    Arrays.sort(sorted, 0, n);
    byte[][] utf8 = new byte[n][];
    int length = 0;
    for (int i = 0; i < n; i++) {
      utf8[i] = sorted[i].getBytes(StandardCharsets.UTF_8);
      length += utf8[i].length + 2;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (int i = 0; i < n; i++) {
      int slot = slotOf(sorted[i]);
      out[at++] = (byte) SearchIndexFile.code(fields[slot], counts[slot]);
      System.arraycopy(utf8[i], 0, out, at, utf8[i].length);
      at += utf8[i].length;
      out[at++] = ' ';
    }
    return out;
  }

  /** Where a term of the table is; every term asked for is there. */
  private int slotOf(String term) {
    int mask = terms.length - 1;
    int slot = spread(term.hashCode()) & mask;
    while (terms[slot] != term) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    String[] oldTerms = terms;
    int[] oldFields = fields;
    int[] oldCounts = counts;
    int capacity = oldTerms.length * 2;
    terms = new String[capacity];
    fields = new int[capacity];
    counts = new int[capacity];
    for (int old = 0; old < oldTerms.length; old++) {
      String t = oldTerms[old];
      if (t == null) {
        continue;
      }
      int slot = spread(t.hashCode()) & (capacity - 1);
      while (terms[slot] != null) {
        slot = (slot + 1) & (capacity - 1);
      }
      terms[slot] = t;
      fields[slot] = oldFields[old];
      counts[slot] = oldCounts[old];
    }
  }

  /** Mixes the high bits in: string hashes of short terms differ mostly there. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
