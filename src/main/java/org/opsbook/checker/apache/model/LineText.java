package org.opsbook.checker.apache.model;

import java.util.Arrays;
import java.util.Objects;
import org.opsbook.check.Snippet;

/**
 * One logical line of a configuration file after httpd's reading: continuation lines joined,
 * leading and trailing white space removed, {@code ${VAR}} expanded. Each character remembers
 * where it came from, so a word or a flag can be pointed at exactly.
 *
 * @param text the line as httpd sees it
 * @param lines for each character of {@code text}, its 1-based source line
 * @param columns for each character of {@code text}, its 1-based source column
 * @param firstLine the physical line the logical line starts on
 * @param lastLine the physical line it ends on: httpd numbers a directive by this one
 */
public record LineText(String text, int[] lines, int[] columns, Snippet source, int firstLine, int lastLine) {
  public LineText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    if (lines.length != text.length() || columns.length != text.length()) {
      throw new IllegalArgumentException("one position per character");
    }
    lines = lines.clone();
    columns = columns.clone();
  }

  /** Where the character at {@code offset} came from; past the end, just after the last one. */
  public Position at(int offset) {
    if (text.isEmpty()) {
      return new Position(source, firstLine, 1);
    }
    if (offset >= text.length()) {
      int last = text.length() - 1;
      return new Position(source, lines[last], columns[last] + 1);
    }
    int i = Math.max(0, offset);
    return new Position(source, lines[i], columns[i]);
  }

  /** The characters from {@code start} on, with their positions. */
  public LineText from(int start) {
    int s = Math.max(0, Math.min(start, text.length()));
    return new LineText(text.substring(s), Arrays.copyOfRange(lines, s, lines.length),
        Arrays.copyOfRange(columns, s, columns.length), source, firstLine, lastLine);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LineText t && t.text.equals(text) && Arrays.equals(t.lines, lines)
        && Arrays.equals(t.columns, columns) && t.source.equals(source) && t.firstLine == firstLine && t.lastLine == lastLine;
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, Arrays.hashCode(lines), Arrays.hashCode(columns), firstLine, lastLine);
  }

  @Override
  public String toString() {
    return text;
  }
}
