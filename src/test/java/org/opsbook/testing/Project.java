package org.opsbook.testing;

import java.nio.file.Path;

/** Where the project's own files are, for tests that read them. */
public final class Project {
  private Project() {}

  /** The project root: Maven passes it as {@code opsbook.root}; the working folder otherwise. */
  public static Path root() {
    return Path.of(System.getProperty("opsbook.root", ".")).toAbsolutePath().normalize();
  }

  /** A file under {@code src/test/resources}. */
  public static Path testResource(String path) {
    return root().resolve("src/test/resources").resolve(path);
  }
}
