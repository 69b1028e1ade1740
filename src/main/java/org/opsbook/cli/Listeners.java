package org.opsbook.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opsbook.site.BuildListener;

/** The build listeners a command's environment and output format ask for. */
final class Listeners {
  private Listeners() {}

  /**
   * @param progress whether a progress line may be drawn: only for text reports, and only when
   *     stderr is a terminal
   */
  static BuildListener of(Environment env, boolean progress, PrintWriter err) {
    List<BuildListener> all = new ArrayList<>();
    if (progress && env.stderrIsTerminal()) {
      all.add(new ProgressLine(err));
    }
    if (env.timing()) {
      all.add(new StageTimings(err));
    }
    if (all.isEmpty()) {
      return BuildListener.NONE;
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    return new BuildListener() {
      @Override
      public void stageDone(String stage, Duration elapsed, String detail) {
        all.forEach(l -> l.stageDone(stage, elapsed, detail));
      }

      @Override
      public void articlesProcessed(int done, int total) {
        all.forEach(l -> l.articlesProcessed(done, total));
      }
    };
  }
}
