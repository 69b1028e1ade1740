package org.opsbook.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A folder that stands for a host's {@code /}, as tests give it to {@code DiskFiles}. */
public final class HostTree {
  private HostTree() {}

  /** Writes {@code text} to {@code absolutePath} (such as {@code /etc/ssh/sshd_config}) below {@code root}. */
  public static void write(Path root, String absolutePath, String text) throws IOException {
    Path file = root.resolve(absolutePath.substring(1));
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
