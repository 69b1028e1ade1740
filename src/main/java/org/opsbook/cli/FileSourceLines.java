package org.opsbook.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opsbook.content.Utf8Text;
import org.opsbook.report.SourceLines;

/**
 * Reads source lines for text reports from files named relative to the working folder. Lines end
 * at {@code \n}, {@code \r\n} or {@code \r}, as {@code Files.readAllLines} ends them; a file that
 * cannot be read or is not UTF-8 has none.
 *
 * <p>Only the last file asked about is kept: a report lists each file's findings together, and a
 * large site's report names thousands of files, which stayed in memory until the end when they
 * were all kept.
 */
final class FileSourceLines implements SourceLines {
  private final Path root;
  private String lastFile;
  private List<String> lastLines = List.of();

  FileSourceLines(Path root) {
    this.root = root;
  }

  @Override
  public synchronized Optional<String> line(String file, int line) {
    if (!file.equals(lastFile)) {
      lastLines = read(root, file);
      lastFile = file;
    }
    return line >= 1 && line <= lastLines.size() ? Optional.of(lastLines.get(line - 1)) : Optional.empty();
  }

  private static List<String> read(Path root, String file) {
    try {
      return Utf8Text.read(root.resolve(file)).lines().toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
