package org.opsbook.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The day each content file was last committed, read from git in one pass over the content
 * folder's history. Only a project that is itself a git checkout (a {@code .git} at its root) is
 * asked: git is kept from looking further up, so nothing outside the project is read. When git is
 * missing, fails or takes too long, there are no dates and pages fall back to {@code updated:}.
 *
 * <p>The dates are the committer dates in UTC, so the same history gives the same pages on every
 * machine and in every time zone; the clock is never read.
 */
final class GitDates {
  /** Long enough for a large history, short enough that a hung git does not stall a build. */
  private static final long TIMEOUT_SECONDS = 30;
  private static final String COMMIT_MARK = "\u0001";

  private GitDates() {}

  /**
   * Content-relative paths ({@code guides/x.md}) to the day of their last commit; empty when the
   * project is not a git checkout or git cannot tell.
   */
  static Map<String, LocalDate> read(Path projectRoot, Path contentDir) {
    Path root = projectRoot.toAbsolutePath().normalize();
    Path content = contentDir.toAbsolutePath().normalize();
    if (!content.startsWith(root) || !Files.exists(root.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
      return Map.of();
    }
    String prefix = root.equals(content) ? "" : root.relativize(content).toString().replace('\\', '/') + "/";
    ProcessBuilder pb = new ProcessBuilder("git", "-c", "core.quotepath=off", "log", "--no-renames",
        "--format=" + COMMIT_MARK + "%ct", "--name-only", "--", prefix.isEmpty() ? "." : prefix)
        .directory(root.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    Map<String, String> env = pb.environment();
    // Only the repository at the project's root counts, whatever the caller's environment says.
    env.keySet().removeIf(k -> k.startsWith("GIT_"));
    if (root.getParent() != null) {
      env.put("GIT_CEILING_DIRECTORIES", root.getParent().toString());
    }
    env.put("GIT_OPTIONAL_LOCKS", "0");
    Process process;
    try {
      process = pb.start();
    } catch (IOException | RuntimeException e) {
      return Map.of(); // no git on this machine
    }
    // A git that hangs (a lock, a network file system) is stopped, which also ends the reading below.
    java.util.concurrent.CompletableFuture.delayedExecutor(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .execute(process::destroyForcibly);
    try {
      Map<String, LocalDate> dates = parse(process, prefix);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return Map.of();
      }
      return Collections.unmodifiableMap(dates);
    } catch (IOException | RuntimeException e) {
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    } finally {
      process.destroy();
    }
  }

  /** Reads {@code \u0001<seconds>} lines, each followed by the paths that commit touched. */
  private static Map<String, LocalDate> parse(Process process, String prefix) throws IOException {
    Map<String, LocalDate> dates = new TreeMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      LocalDate commit = null;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith(COMMIT_MARK)) {
          commit = day(line.substring(1).trim());
        } else if (commit != null && line.startsWith(prefix) && !line.startsWith("\"")) {
          // A quoted name holds characters git escapes; such a file keeps its front matter date.
          dates.merge(line.substring(prefix.length()), commit, (a, b) -> a.isAfter(b) ? a : b);
        }
      }
    }
    return dates;
  }

  private static LocalDate day(String seconds) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(seconds)).atZone(ZoneOffset.UTC).toLocalDate();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
