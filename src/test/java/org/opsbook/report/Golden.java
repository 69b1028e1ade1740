package org.opsbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares output with a checked-in {@code .expected} file; {@code -Dgolden.update=true} rewrites it. */
final class Golden {
  private Golden() {}

  static void assertMatches(String resource, String actual) throws IOException {
    Path file = Path.of(System.getProperty("opsbook.root", "."), "src/test/resources/org/opsbook/report", resource);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + resource);
  }
}
