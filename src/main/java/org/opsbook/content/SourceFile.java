package org.opsbook.content;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file below the content folder.
 *
 * @param path where it is on disk
 * @param displayPath how diagnostics name it: relative to the working folder when inside it
 * @param relPath relative to the content folder, with forward slashes, such as {@code
 *     articles/x/index.md}
 */
public record SourceFile(Path path, String displayPath, String relPath) implements Comparable<SourceFile> {
  public SourceFile {
    Objects.requireNonNull(path);
    Objects.requireNonNull(displayPath);
    Objects.requireNonNull(relPath);
  }

  @Override
  public int compareTo(SourceFile other) {
    return relPath.compareTo(other.relPath);
  }
}
