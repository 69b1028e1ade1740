package org.opsbook.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Expands an absolute glob(7) pattern on disk for {@link IncludedFiles#onDisk()}. */
final class DiskGlob {
  private static final long MAX_BYTES = 4L << 20;
  private static final int MAX_FILES = 1000;

  private DiskGlob() {}

  static List<Snippet> read(String pattern) {
    List<Snippet> out = new ArrayList<>();
    if (!pattern.startsWith("/")) {
      return out;
    }
    List<Path> matches = new ArrayList<>();
    expand(Path.of("/"), pattern.substring(1).split("/"), 0, matches);
    for (Path p : matches) {
      try {
        if (Files.isRegularFile(p) && Files.size(p) <= MAX_BYTES) {
          out.add(Snippet.ofFile("file", Files.readString(p, StandardCharsets.UTF_8), p.toString()));
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // Unreadable files are as good as missing: the including checker reports what it cannot see.
      }
    }
    return out;
  }

  private static void expand(Path dir, String[] parts, int i, List<Path> out) {
    if (out.size() >= MAX_FILES) {
      return;
    }
    if (i == parts.length) {
      out.add(dir);
      return;
    }
    String part = parts[i];
    if (part.isEmpty()) {
      expand(dir, parts, i + 1, out);
      return;
    }
    if (!IncludedFiles.isPattern(part)) {
      Path next = dir.resolve(part);
      if (Files.exists(next)) {
        expand(next, parts, i + 1, out);
      }
      return;
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path p : stream) {
        if (GlobPattern.matches(part, p.getFileName().toString())) {
          entries.add(p);
        }
      }
    } catch (IOException e) {
      return;
    }
    entries.sort(null);
    for (Path p : entries) {
      expand(p, parts, i + 1, out);
    }
  }
}
