package org.opsbook.diag;

import java.util.Objects;

/**
 * A position in a file the author edits: a project-relative path with forward slashes, and a
 * 1-based line and column. Ordered by file, then line, then column.
 */
public record SourceSpan(String file, int line, int column) implements Comparable<SourceSpan> {
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
    // A large site's report sorts tens of thousands of these, most beside one of the same file:
    // the same string is equal without reading it.
    int c = file == other.file ? 0 : file.compareTo(other.file);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(line, other.line);
    return c != 0 ? c : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
