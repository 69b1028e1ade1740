package org.opsbook.report;

import java.util.Optional;

/** Looks up the text of a line in a file the author edits, for showing it under a diagnostic. */
@FunctionalInterface
public interface SourceLines {
  /** The line without its terminator, or empty when the file or line is not known. */
  Optional<String> line(String file, int line);

  /**
   * A reader that another thread may use while this one is in use: a report formats the findings
   * of several files at once, each with its own. The default is this reader, for one that holds
   * nothing between calls.
   */
  default SourceLines another() {
    return this;
  }

  static SourceLines none() {
    return (file, line) -> Optional.empty();
  }
}
