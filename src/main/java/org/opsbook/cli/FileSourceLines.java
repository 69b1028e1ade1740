package org.opsbook.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.opsbook.content.Utf8Text;
import org.opsbook.report.SourceLines;

/**
 * Reads source lines for text reports from files named relative to the working folder. Lines end
 * at {@code \n}, {@code \r\n} or {@code \r}, as {@code Files.readAllLines} ends them; a file that
 * cannot be read or is not UTF-8 has none.
 *
 * <p>Only the last file asked about is kept, as its text and where its lines start: a report
 * lists each file's findings together, and a large site's report names thousands of files, which
 * stayed in memory until the end when they were all kept, a string per line.
 */
final class FileSourceLines implements SourceLines {
  private final Path root;
  private String lastFile;
  private String text = "";
  /** Where each line of {@link #text} starts, and where the text ends, for one past the last line. */
  private int[] starts = {0};

  FileSourceLines(Path root) {
    this.root = root;
  }

  @Override
  public SourceLines another() {
    return new FileSourceLines(root);
  }

  @Override
  public synchronized Optional<String> line(String file, int line) {
    if (!file.equals(lastFile)) {
      read(file);
      lastFile = file;
    }
    if (line < 1 || line >= starts.length) {
      return Optional.empty();
    }
    int end = starts[line];
    // Leave out the line's terminator: \n, \r\n or \r.
    if (end > starts[line - 1] && text.charAt(end - 1) == '\n') {
      end--;
    }
    if (end > starts[line - 1] && text.charAt(end - 1) == '\r') {
      end--;
    }
    return Optional.of(text.substring(starts[line - 1], end));
  }

  private void read(String file) {
    try {
      text = Utf8Text.read(root.resolve(file));
    } catch (IOException | RuntimeException e) {
      text = "";
    }
    int[] found = new int[16];
    int count = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (count == found.length) {
          found = Arrays.copyOf(found, count * 2);
        }
        found[count++] = i + 1;
      }
    }
    // An unterminated last line is a line too; a terminated one ends the text.
    if (found[count - 1] < n) {
      if (count == found.length) {
        found = Arrays.copyOf(found, count + 1);
      }
      found[count++] = n;
    }
    starts = Arrays.copyOf(found, count);
  }
}
