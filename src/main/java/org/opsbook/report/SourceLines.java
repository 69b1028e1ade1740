package org.opsbook.report;

import java.util.Optional;

/** Looks up the text of a line in a file the author edits, for showing it under a diagnostic. */
@FunctionalInterface
public interface SourceLines {
  /** The line without its terminator, or empty when the file or line is not known. */
  Optional<String> line(String file, int line);

  static SourceLines none() {
    return (file, line) -> Optional.empty();
  }
}
