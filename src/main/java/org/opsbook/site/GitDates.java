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
import java.util.List;
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
record GitDates(String head, Map<String, LocalDate> days) {
  /** No checkout, or git could not tell. */
  static final GitDates NONE = new GitDates("", Map.of());

  /** Long enough for a large history, short enough that a hung git does not stall a build. */
  private static final long TIMEOUT_SECONDS = 30;
  private static final String COMMIT_MARK = "\u0001";

  GitDates {
    head = java.util.Objects.requireNonNull(head);
    days = Map.copyOf(days);
  }

  /** The day of the last commit of a content file ({@code articles/x/index.md}), or null. */
  LocalDate day(String relPath) {
    return days.get(relPath);
  }

  /**
   * Content-relative paths ({@code guides/x.md}) to the day of their last commit; none when the
   * project is not a git checkout or git cannot tell. The days depend on the commit checked out
   * only, so when it is {@code previous}'s they are {@code previous}'s, and a preview rebuild
   * asks git for one line rather than the history.
   */
  static GitDates read(Path projectRoot, Path contentDir, GitDates previous) {
    Path root = projectRoot.toAbsolutePath().normalize();
    Path content = contentDir.toAbsolutePath().normalize();
    if (!content.startsWith(root) || !Files.exists(root.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
      return NONE;
    }
    String prefix = root.equals(content) ? "" : root.relativize(content).toString().replace('\\', '/') + "/";
    List<String> head = git(root, List.of("rev-parse", "--verify", "-q", "HEAD"), (in, out) -> {
      String line = in.readLine();
      if (line != null) {
        out.add(line.strip());
      }
    });
    if (head == null || head.size() != 1) {
      return NONE; // not a checkout git recognises, or no commit yet
    }
    if (previous != null && previous.head().equals(head.get(0))) {
      return previous;
    }
    Map<String, LocalDate> dates = new TreeMap<>();
    List<String> done = git(root, List.of("-c", "core.quotepath=off", "log", "--no-renames",
        "--format=" + COMMIT_MARK + "%ct", "--name-only", "--", prefix.isEmpty() ? "." : prefix),
        (in, out) -> parse(in, prefix, dates));
    return done == null ? NONE : new GitDates(head.get(0), dates);
  }

  /** Reads what one git command prints. */
  @FunctionalInterface
  private interface Reader {
    void read(BufferedReader in, List<String> out) throws IOException;
  }

  /** Runs git in the project's root; what {@code reader} collected, or null when git failed. */
  private static List<String> git(Path root, List<String> args, Reader reader) {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command)
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
      return null; // no git on this machine
    }
    // A git that hangs (a lock, a network file system) is stopped, which also ends the reading below.
    java.util.concurrent.CompletableFuture.delayedExecutor(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .execute(process::destroyForcibly);
    try {
      List<String> out = new java.util.ArrayList<>();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        reader.read(in, out);
        while (in.read() >= 0) {
          // drain, so that git never blocks on a full pipe
        }
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return null;
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      process.destroy();
    }
  }

  /** Reads {@code \u0001<seconds>} lines, each followed by the paths that commit touched. */
  private static void parse(BufferedReader in, String prefix, Map<String, LocalDate> dates) throws IOException {
    LocalDate commit = null;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith(COMMIT_MARK)) {
        commit = utcDay(line.substring(1).trim());
      } else if (commit != null && line.startsWith(prefix) && !line.startsWith("\"")) {
        // A quoted name holds characters git escapes; such a file keeps its front matter date.
        dates.merge(line.substring(prefix.length()), commit, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
  }

  private static LocalDate utcDay(String seconds) {
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
