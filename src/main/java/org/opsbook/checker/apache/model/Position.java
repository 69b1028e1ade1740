package org.opsbook.checker.apache.model;

import java.util.Objects;
import org.opsbook.check.Snippet;
import org.opsbook.diag.SourceSpan;

/**
 * A place in a configuration file: the snippet (the one checked, or a file it includes) and a
 * 1-based line and column of its text.
 */
public record Position(Snippet source, int line, int column) {
  public Position {
    Objects.requireNonNull(source, "source");
  }

  /** The position in the file the author edits. */
  public SourceSpan span() {
    return source.at(line, column);
  }
}
