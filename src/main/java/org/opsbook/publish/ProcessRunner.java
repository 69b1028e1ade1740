package org.opsbook.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program (ssh, rsync) and collects what it printed. */
public interface ProcessRunner {

  /** The exit status and both output streams of a finished program. */
  record Outcome(int status, String stdout, String stderr) {
    public boolean ok() {
      return status == 0;
    }
  }

  Outcome run(List<String> command) throws IOException;

  /** The real thing: no standard input, stopped after {@code timeout}. */
  static ProcessRunner system(Duration timeout) {
    return command -> {
      ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new IOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
      }
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread errReader = new Thread(() -> copy(p.getErrorStream(), err), "stderr-" + command.get(0));
      errReader.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      copy(p.getInputStream(), out);
      try {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
        }
        errReader.join(timeout.toMillis());
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + command.get(0), e);
      }
      return new Outcome(
          p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    };
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException e) {
      // The process ended or was killed; what it printed so far is all there is.
    }
  }
}
