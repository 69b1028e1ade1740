package org.opsbook.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.opsbook.site.BuildListener;

/** {@code OPSBOOK_TIMING} output: one line per stage of every build, with its wall time. */
final class StageTimings implements BuildListener {
  private final PrintWriter err;

  StageTimings(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void stageDone(String stage, Duration elapsed, String detail) {
    synchronized (err) {
      err.printf(Locale.ROOT, "timing: %-8s %6d ms  %s%n", stage, elapsed.toMillis(), detail);
      err.flush();
    }
  }
}
