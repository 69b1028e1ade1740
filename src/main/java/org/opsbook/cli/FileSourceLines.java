package org.opsbook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opsbook.report.SourceLines;

/** Reads source lines for text reports from files named relative to the working folder. */
final class FileSourceLines implements SourceLines {
  private final Path root;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  FileSourceLines(Path root) {
    this.root = root;
  }

  @Override
  public Optional<String> line(String file, int line) {
    List<String> lines = cache.computeIfAbsent(file, f -> {
      try {
        return Files.readAllLines(root.resolve(f), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        return List.of();
      }
    });
    return line >= 1 && line <= lines.size() ? Optional.of(lines.get(line - 1)) : Optional.empty();
  }
}
