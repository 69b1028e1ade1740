package org.opsbook.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names for the folders a build stages its output in, beside the output folder:
 * {@code .<name>.tmp-<pid>-<process start>-<random>}. The name says which process made it, so the
 * next run can tell the leftovers of a killed run (their process is gone, or the pid now belongs
 * to a process that started at another time) from the staging folder of a build still running.
 */
final class StagingFolders {
  private static final Pattern STAGING = Pattern.compile("\\.(.+)\\.tmp-(\\d+)-(\\d+)-[0-9a-z]+");

  private StagingFolders() {}

  /** A fresh staging folder name for {@code target}'s file name. */
  static String newName(String targetName) {
    ProcessHandle self = ProcessHandle.current();
    return "." + targetName + ".tmp-" + self.pid() + "-" + startMillis(self) + "-"
        + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  }

  /**
   * Deletes the staging folders that killed runs left beside {@code target}; returns their names.
   * Folders of processes still running are left alone.
   */
  static List<String> removeAbandoned(Path target) throws IOException {
    Path parent = target.getParent();
    String targetName = target.getFileName().toString();
    if (parent == null || !Files.isDirectory(parent)) {
      return List.of();
    }
    List<Path> abandoned;
    try (Stream<Path> list = Files.list(parent)) {
      abandoned = list.filter(p -> isAbandoned(p.getFileName().toString(), targetName)).sorted().toList();
    }
    for (Path p : abandoned) {
      FileTrees.delete(p);
    }
    return abandoned.stream().map(p -> p.getFileName().toString()).toList();
  }

  static boolean isAbandoned(String name, String targetName) {
    Matcher m = STAGING.matcher(name);
    if (!m.matches() || !m.group(1).equals(targetName)) {
      return false;
    }
    long pid;
    long started;
    try {
      pid = Long.parseLong(m.group(2));
      started = Long.parseLong(m.group(3));
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<ProcessHandle> owner = ProcessHandle.of(pid);
    return owner.isEmpty() || !owner.get().isAlive() || startMillis(owner.get()) != started;
  }

  private static long startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }
}
