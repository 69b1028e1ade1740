package org.opsbook.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoReasonTest {
  @TempDir Path dir;

  private static IOException thrown(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      return e;
    }
    throw new AssertionError("expected an IOException");
  }

  private interface IoAction {
    void run() throws IOException;
  }

  @Test
  void namesThePathAndTheReasonThatJavaKeepsApart() {
    Path missing = dir.resolve("missing.conf");
    IOException e = thrown(() -> Files.readString(missing));
    assertEquals("no such file", IoReason.of(e));
    assertEquals(missing + ": no such file", IoReason.describe(e));
    assertEquals(missing + ": no such file", IoReason.describe((Exception) new UncheckedIOException(e)));

    IOException folder = thrown(() -> Files.readString(dir));
    assertEquals("Is a directory", IoReason.of(folder));
    assertEquals("it already exists", IoReason.of(thrown(() -> Files.createDirectory(dir))));
    assertEquals("it holds more", IoReason.of(new IOException("it holds more")));
  }
}
