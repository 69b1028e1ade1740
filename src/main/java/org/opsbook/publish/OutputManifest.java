package org.opsbook.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The list of files opsbook wrote into an output folder, kept in {@value #FILE_NAME} at its top,
 * one site path a line, sorted. It is how a later build knows that it may replace the folder: a
 * folder holding a file that is not on the list holds something opsbook did not write, and is
 * refused. Written and replaced by renaming a complete file over it, so it is never half-written.
 */
public final class OutputManifest {
  /** The manifest's file name. */
  public static final String FILE_NAME = ".opsbook-files";
  /** Serialises builds that swap into one output folder; see {@link OutputTree}. */
  public static final String LOCK_NAME = ".opsbook.lock";
  private static final String HEADER = "# files written by opsbook build; a file not listed here stops the next build";

  private OutputManifest() {}

  /**
   * Whether a file at the top of an output folder is opsbook's own bookkeeping rather than part of
   * the site: the manifest, the build marker, the swap lock and a manifest being replaced.
   */
  public static boolean isBookkeeping(String sitePath) {
    return sitePath.equals(FILE_NAME) || sitePath.equals(BuildMarker.FILE_NAME) || sitePath.equals(LOCK_NAME)
        || sitePath.startsWith(FILE_NAME + ".tmp-");
  }

  /** The files listed in {@code folder}'s manifest; empty when it has none. */
  public static Optional<Set<String>> read(Path folder) throws IOException {
    Path file = folder.resolve(FILE_NAME);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Set<String> paths = new TreeSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        paths.add(line);
      }
    }
    return Optional.of(paths);
  }

  /** Writes (or atomically replaces) {@code folder}'s manifest. */
  public static void write(Path folder, Collection<String> sitePaths) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (String p : new TreeSet<>(sitePaths)) {
      text.append(p).append('\n');
    }
    Path tmp = folder.resolve(FILE_NAME + ".tmp-" + ProcessHandle.current().pid());
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
