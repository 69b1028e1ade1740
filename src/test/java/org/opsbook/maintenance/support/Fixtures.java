package org.opsbook.maintenance.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Input files of the maintenance tests, under src/test/resources/org/opsbook/maintenance. */
public final class Fixtures {
  private Fixtures() {}

  public static Path resource(String relative) {
    return Project.root().resolve("src/test/resources/org/opsbook/maintenance").resolve(relative);
  }

  public static String read(String relative) throws IOException {
    return Files.readString(resource(relative), StandardCharsets.UTF_8);
  }
}
