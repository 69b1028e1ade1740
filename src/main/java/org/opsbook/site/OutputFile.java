package org.opsbook.site;

import java.util.Objects;

/**
 * A file the build writes besides pages, such as a snippet's download copy.
 *
 * @param sitePath where below the output folder, forward slashes
 * @param bytes its content
 */
public record OutputFile(String sitePath, byte[] bytes) {
  public OutputFile {
    Objects.requireNonNull(sitePath);
    Objects.requireNonNull(bytes);
  }
}
