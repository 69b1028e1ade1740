package org.opsbook.checker.postfix.model;

import java.util.Arrays;

/**
 * Where each character of a logical line came from: a table rule may span several physical lines
 * (continuation lines start with whitespace), and findings must point at the physical line.
 * Immutable.
 */
public final class SourceMap {
  private final int[] lines;
  private final int[] columns;

  /**
   * @param lines the 1-based snippet line of each character, plus one entry for the end; the
   *     map takes ownership of the array (callers pass a fresh one)
   * @param columns the 1-based column of each character, plus one entry for the end; owned likewise
   */
  public SourceMap(int[] lines, int[] columns) {
    if (lines.length != columns.length || lines.length == 0) {
      throw new IllegalArgumentException("lines and columns must have the same, non-zero length");
    }
    this.lines = lines;
    this.columns = columns;
  }

  /** The snippet line of the character at {@code offset}; offsets past the end map to the end. */
  public int line(int offset) {
    return lines[clamp(offset)];
  }

  /** The snippet column of the character at {@code offset}. */
  public int column(int offset) {
    return columns[clamp(offset)];
  }

  /** The map of a substring starting at {@code from} and {@code length} characters long. */
  public SourceMap slice(int from, int length) {
    int start = clamp(from);
    int end = Math.min(lines.length - 1, start + length);
    int[] l = Arrays.copyOfRange(lines, start, end + 1);
    int[] c = Arrays.copyOfRange(columns, start, end + 1);
    return new SourceMap(l, c);
  }

  private int clamp(int offset) {
    return Math.max(0, Math.min(offset, lines.length - 1));
  }
}
