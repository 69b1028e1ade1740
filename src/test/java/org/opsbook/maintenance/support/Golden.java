package org.opsbook.maintenance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files under src/test/resources; {@code -Dgolden.update=true} rewrites them. */
public final class Golden {
  private Golden() {}

  public static Path resource(String relative) {
    return Project.root().resolve("src/test/resources/org/opsbook/maintenance").resolve(relative);
  }

  public static String read(String relative) throws IOException {
    return Files.readString(resource(relative), StandardCharsets.UTF_8);
  }

  public static void assertMatches(String relative, String actual) throws IOException {
    Path file = resource(relative);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "<missing " + relative + ">";
    assertEquals(expected, actual, relative + " differs; rerun with -Dgolden.update=true and review the diff");
  }
}
