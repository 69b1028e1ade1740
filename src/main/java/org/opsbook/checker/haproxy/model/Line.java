package org.opsbook.checker.haproxy.model;

import java.util.List;

/**
 * One configuration statement: the words of a line after the {@code no} or {@code default}
 * prefix, which {@link #modifier()} keeps. Words end at the first empty one, as HAProxy's keyword
 * parsers stop at an empty argument.
 *
 * @param number the 1-based line in its file
 * @param file which file it was read from: 0 for the snippet, 1 and up for included files
 */
public record Line(int number, List<Word> words, Modifier modifier, int file) {
  public Line {
    words = List.copyOf(words);
  }

  public String keyword() {
    return words.isEmpty() ? "" : words.get(0).text();
  }

  /** The word at {@code i}, or an empty string past the end, as HAProxy's {@code args[i]} reads. */
  public String arg(int i) {
    return i < words.size() ? words.get(i).text() : "";
  }

  /** Whether there is a word at {@code i}. */
  public boolean has(int i) {
    return i < words.size();
  }

  public int size() {
    return words.size();
  }

  /** The column of word {@code i}, or of the line's end when it has none. */
  public int column(int i) {
    if (words.isEmpty()) {
      return 1;
    }
    return i < words.size() ? words.get(i).column() : words.get(words.size() - 1).end();
  }

  /** The words from {@code from} on, joined by one space. */
  public String join(int from) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < words.size(); i++) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(words.get(i).text());
    }
    return out.toString();
  }

  public boolean isNo() {
    return modifier == Modifier.NO;
  }
}
