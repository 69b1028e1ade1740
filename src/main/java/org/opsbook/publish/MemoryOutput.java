package org.opsbook.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A site held in memory, as the preview server serves it. Thread-safe. */
public final class MemoryOutput implements SiteOutput {
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  @Override
  public void write(String sitePath, byte[] content) {
    files.put(sitePath, content.clone());
  }

  @Override
  public void copy(String sitePath, Path source) throws IOException {
    files.put(sitePath, Files.readAllBytes(source));
  }

  /** A file's bytes by site path, such as {@code articles/x/index.html}. */
  public Optional<byte[]> get(String sitePath) {
    byte[] b = files.get(sitePath);
    return b == null ? Optional.empty() : Optional.of(b.clone());
  }

  public int size() {
    return files.size();
  }
}
