package org.opsbook.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.opsbook.site.BuildListener;

/**
 * The line a long build redraws on a terminal's stderr: articles processed of the total and the
 * time so far, at most ten times a second, erased when processing ends. Never used when stderr is
 * not a terminal or the report is for a machine.
 */
final class ProgressLine implements BuildListener {
  private static final long EVERY_NANOS = 100_000_000L;
  private static final String ERASE = "\r\u001b[K";

  private final PrintWriter err;
  private final LongSupplier clock;
  private final long start;
  private long lastDrawn;
  private boolean drawn;

  ProgressLine(PrintWriter err) {
    this(err, System::nanoTime);
  }

  /** @param clock nanoseconds, as {@link System#nanoTime()} counts them */
  ProgressLine(PrintWriter err, LongSupplier clock) {
    this.err = err;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastDrawn = start;
  }

  @Override
  public synchronized void articlesProcessed(int done, int total) {
    long now = clock.getAsLong();
    if (now - lastDrawn < EVERY_NANOS) {
      return;
    }
    lastDrawn = now;
    drawn = true;
    err.print(String.format(Locale.ROOT, "%sprocessing: %d of %d articles, %.1f s", ERASE, done, total,
        (now - start) / 1e9));
    err.flush();
  }

  @Override
  public synchronized void stageDone(String stage, Duration elapsed, String detail) {
    if (drawn) {
      err.print(ERASE);
      err.flush();
      drawn = false;
    }
  }
}
