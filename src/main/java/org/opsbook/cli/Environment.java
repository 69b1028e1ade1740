package org.opsbook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.opsbook.maintenance.MaintenanceSettings;

/**
 * The environment switches opsbook honours, read once when a command starts and passed down as
 * options: nothing below the command line reads the environment.
 *
 * @param timing {@code OPSBOOK_TIMING} is set: print each stage's wall time to stderr
 * @param sourceDateEpoch {@code SOURCE_DATE_EPOCH}, when set to a number of seconds
 * @param debug {@code OPSBOOK_DEBUG} is set: print stack traces of internal errors
 * @param noColor {@code NO_COLOR} is set
 * @param stderrIsTerminal standard error is a terminal, so a progress line can be redrawn on it
 */
record Environment(boolean timing, Optional<Instant> sourceDateEpoch, boolean debug, boolean noColor,
    boolean stderrIsTerminal) {

  static Environment current() {
    return of(System.getenv(), isTerminal(Path.of("/proc/self/fd/2")));
  }

  static Environment of(Map<String, String> env, boolean stderrIsTerminal) {
    return new Environment(env.containsKey("OPSBOOK_TIMING"),
        MaintenanceSettings.sourceDateEpoch(env.get("SOURCE_DATE_EPOCH")), env.containsKey("OPSBOOK_DEBUG"),
        env.containsKey("NO_COLOR"), stderrIsTerminal);
  }

  /**
   * Java has no isatty(2). On Linux, the process's file descriptor 2 links to its device; a
   * terminal is a {@code /dev/pts/N} or {@code /dev/ttyN}. Elsewhere, a console means both
   * standard input and output are terminals, which is the nearest question Java can ask.
   */
  private static boolean isTerminal(Path fd) {
    try {
      if (Files.isSymbolicLink(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
      // No /proc: fall back below.
    }
    return System.console() != null;
  }
}
