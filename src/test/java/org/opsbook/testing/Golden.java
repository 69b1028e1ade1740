package org.opsbook.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one golden-file helper: compares output with a checked-in file under {@code
 * src/test/resources}. With {@code -Dgolden.update=true} it rewrites a file that differs and then
 * fails, so an update run never passes silently: review the diff, then run again without it.
 */
public final class Golden {
  private Golden() {}

  /**
   * @param resource a path under {@code src/test/resources}, such as {@code
   *     org/opsbook/report/text.expected}
   */
  public static void assertMatches(String resource, String actual) {
    Path file = Project.testResource(resource);
    String expected;
    try {
      expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
      if (Boolean.getBoolean("golden.update") && !actual.equals(expected)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        fail("golden file " + resource + " rewritten; review the diff and run again without -Dgolden.update");
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (expected == null) {
      fail("golden file " + resource + " does not exist; create it with -Dgolden.update=true and review it");
    }
    assertEquals(expected, actual, "golden file " + resource);
  }
}
