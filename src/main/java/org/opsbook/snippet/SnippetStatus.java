package org.opsbook.snippet;

/** What a snippet's badge says. */
public enum SnippetStatus {
  /** No checker for the language, or {@code check=off}. */
  UNCHECKED,
  /** Checked; nothing at warning or error. */
  CLEAN,
  /** Checked; warnings but no errors. */
  WARNINGS,
  /** Checked; errors that fail the build. */
  ERRORS,
  /** Marked {@code expect=}: the checker found what the author said it would. */
  EXPECTED_FAILURE
}
