package org.opsbook.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * A position in a file the author edits: a project-relative path with forward slashes, and a
 * 1-based line and column. Ordered by file, then line, then column.
 */
public record SourceSpan(String file, int line, int column) implements Comparable<SourceSpan> {
  private static final Comparator<SourceSpan> ORDER =
      Comparator.comparing(SourceSpan::file)
          .thenComparingInt(SourceSpan::line)
          .thenComparingInt(SourceSpan::column);

  public SourceSpan {
    Objects.requireNonNull(file, "file");
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1-based: " + line);
    }
    if (column < 1) {
      throw new IllegalArgumentException("column must be 1-based: " + column);
    }
  }
  @Override
  public int compareTo(SourceSpan other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
