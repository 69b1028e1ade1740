package org.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines a report shows are those {@code Files.readAllLines} reads, for any file. */
class FileSourceLinesTest {
  @Test
  void linesAreReadAsReadAllLinesReadsThem(@TempDir Path root) throws IOException {
    String[] pieces = {"a", "line", "\n", "\r\n", "\r", "\uFEFF", "\u00e9", "\uD83D\uDE00", "\t", " ", "\uFFFD"};
    Random random = new Random(3);
    FileSourceLines source = new FileSourceLines(root);
    for (int round = 0; round < 500; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(5) == 0 && bytes.length > 0) {
        bytes[random.nextInt(bytes.length)] = (byte) 0xC3; // often no longer UTF-8
      }
      String name = "f" + (round % 3) + ".md";
      Files.write(root.resolve(name), bytes);
      List<String> expected;
      try {
        expected = Files.readAllLines(root.resolve(name), StandardCharsets.UTF_8);
      } catch (IOException e) {
        expected = List.of();
      }
      // A file named again after another was read: the new text, not the one kept before.
      source.line("other.md", 1);
      for (int line = 0; line <= expected.size() + 1; line++) {
        Optional<String> want = line >= 1 && line <= expected.size() ? Optional.of(expected.get(line - 1)) : Optional.empty();
        assertEquals(want, source.line(name, line), name + " line " + line + " of " + text.toString().replace("\r", "\\r").replace("\n", "\\n"));
      }
    }
    assertEquals(Optional.empty(), source.line("missing.md", 1));
    assertEquals(Optional.empty(), source.line("\u0000bad", 1));
  }
}
