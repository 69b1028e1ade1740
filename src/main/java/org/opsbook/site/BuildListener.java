package org.opsbook.site;

import java.time.Duration;

/**
 * Hears how a build is getting on, for the command line's progress line and {@code
 * OPSBOOK_TIMING} output. Nothing below the command line prints: a build only tells its listener.
 * Methods may be called from worker threads.
 */
public interface BuildListener {
  /** Hears nothing. */
  BuildListener NONE = new BuildListener() {};

  /**
   * A stage ended, or failed.
   *
   * @param stage {@code load}, {@code process}, {@code assemble} or {@code write}
   * @param detail what it did, such as {@code 12 of 10000 articles processed}; may be empty
   */
  default void stageDone(String stage, Duration elapsed, String detail) {}

  /** {@code done} of {@code total} articles are processed. */
  default void articlesProcessed(int done, int total) {}
}
