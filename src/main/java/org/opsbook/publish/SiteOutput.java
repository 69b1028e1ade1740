package org.opsbook.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Where a build writes the site: a staging folder on disk, or memory for the preview server. Thread-safe. */
public interface SiteOutput {
  void write(String sitePath, byte[] content) throws IOException;

  default void write(String sitePath, String text) throws IOException {
    write(sitePath, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Copies a source file to a site path. */
  void copy(String sitePath, Path source) throws IOException;
}
