package org.opsbook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opsbook.check.GlobPattern;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;

/**
 * The files on disk, for {@code opsbook lint}: what a daemon's include reads when it checks the
 * same file ({@code nginx -t}, {@code sshd -t}). A pattern is expanded as glob(3) does, sorted;
 * links are followed, as the daemons follow them. Files that cannot be read, and files past a
 * size or count limit, are left out rather than read in part. Immutable and thread-safe.
 */
final class DiskIncludedFiles implements IncludedFiles {
  /** Far above any real config file; a bigger one is not what an include meant. */
  private static final long MAX_BYTES = 4L * 1024 * 1024;
  private static final int MAX_FILES = 1024;

  private final String language;

  DiskIncludedFiles(String language) {
    this.language = language;
  }

  @Override
  public List<Snippet> matching(String pattern) {
    if (!pattern.startsWith("/")) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    if (!IncludedFiles.isPattern(pattern)) {
      found.add(Path.of(pattern));
    } else {
      String[] parts = pattern.split("/");
      StringBuilder base = new StringBuilder("/");
      int depth = 0;
      for (int i = 1; i < parts.length; i++) {
        if (IncludedFiles.isPattern(parts[i])) {
          depth = parts.length - i;
          break;
        }
        base.append(parts[i]).append('/');
      }
      Path dir = Path.of(base.toString());
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> s = Files.walk(dir, depth, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
        s.filter(p -> GlobPattern.matches(pattern, p.toString())).sorted().limit(MAX_FILES).forEach(found::add);
      } catch (IOException | java.io.UncheckedIOException e) {
        return List.of();
      }
    }
    List<Snippet> out = new ArrayList<>();
    for (Path p : found) {
      try {
        if (Files.isRegularFile(p) && Files.size(p) <= MAX_BYTES) {
          String text = Files.readString(p, StandardCharsets.UTF_8);
          Snippet s = Snippet.of(language, text, p.toString(), Map.of("file", p.toString()));
          out.add(s);
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // unreadable: nginx would fail to open it too; the checker reports the include as not found
      }
    }
    return out;
  }
}
