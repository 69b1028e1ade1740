package org.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site larger than the Java heap: the build stops with what to do about it, never with a stack
 * trace. Run in a JVM of its own, with a heap far too small for the site.
 */
class OutOfMemoryTest {
  @TempDir Path dir;

  @Test
  void aSiteTooLargeForTheHeapSaysHowToGiveJavaMore() throws Exception {
    Files.writeString(dir.resolve("opsbook.yaml"), "title: Large\n");
    String paragraph = "The relay host rejects mail from the old subnet until the queue drains. ".repeat(40) + "\n\n";
    for (int i = 0; i < 60; i++) {
      Path file = dir.resolve("content/articles/a" + i + "/index.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "---\ntitle: Article " + i + "\ndate: 2026-01-10\n---\n" + paragraph.repeat(200));
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx16m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "-C", dir.toString(), "build"))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(ExitCodes.USAGE, p.exitValue(), output);
    assertTrue(output.contains("opsbook: out of memory"), output);
    assertTrue(output.contains("OPSBOOK_JAVA_OPTS"), output);
    assertFalse(output.contains("\tat "), "no stack trace: " + output);
    assertFalse(Files.exists(dir.resolve("site")), "and no half-written site");
  }
}
