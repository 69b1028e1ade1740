package org.opsbook.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.diag.Diagnostic;
import org.opsbook.report.SourceLines;
import org.opsbook.site.Build;
import org.opsbook.site.BuildOptions;

/**
 * The preview keeps rebuilding whatever a save produces: after each hostile save it reports the
 * problem, and the next good save is served.
 */
class WatcherSurvivalTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir Path project;
  private final StringWriter terminal = new StringWriter();

  private Path article() {
    return project.resolve("content/articles/first/index.md");
  }

  private void save(String body) throws IOException {
    Files.createDirectories(article().getParent());
    Files.writeString(article(), "---\ntitle: \"First\"\ndate: 2026-03-14\n---\n" + body + "\n");
  }

  private static void await(PreviewServer server, long after, Predicate<BuildState> done, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      BuildState s = server.state();
      if (s.generation() > after && done.test(s)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no rebuild that " + what + " within " + WAIT + "; state " + server.state().diagnostics());
  }

  private static boolean reports(BuildState s, String rule) {
    return s.diagnostics().stream().map(Diagnostic::rule).anyMatch(r -> r.value().equals(rule));
  }

  private static boolean serves(PreviewServer server, String text) {
    return server.site().flatMap(site -> site.get("articles/first/index.html"))
        .map(b -> new String(b, StandardCharsets.UTF_8).contains(text)).orElse(false);
  }

  @Test
  void everyHostileSaveIsReportedAndTheNextGoodSaveIsServed() throws Exception {
    save("Good 0.");
    try (PreviewServer server = PreviewServer.start(new Build(CheckerRegistry.load(), 2), BuildOptions.forProject(project),
        0, new PrintWriter(terminal, true), SourceLines.none())) {
      int good = 0;
      // A thousand nested lists.
      long g = server.state().generation();
      StringBuilder nested = new StringBuilder();
      for (int i = 0; i < 1000; i++) {
        nested.append("  ".repeat(i)).append("- x\n");
      }
      save(nested.toString());
      await(server, g, s -> reports(s, "opsbook.markdown-limit"), "reports the nesting");
      g = server.state().generation();
      save("Good " + ++good + ".");
      await(server, g, s -> serves(server, "Good " + 1), "serves the good save");

      // Invalid UTF-8.
      g = server.state().generation();
      Files.write(article(), "---\ntitle: x\ndate: 2026-03-14\n---\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
      await(server, g, s -> reports(s, "opsbook.encoding"), "reports the encoding");
      g = server.state().generation();
      save("Good " + ++good + ".");
      await(server, g, s -> serves(server, "Good 2"), "serves the good save");

      // A folder that cannot be read (for root it can, but it is still watched and walked), and a link loop.
      g = server.state().generation();
      Path locked = project.resolve("content/articles/locked");
      Files.createDirectories(locked.resolve("deeper"));
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
      Files.createSymbolicLink(project.resolve("content/articles/loop"), Path.of("."));
      await(server, g, s -> true, "rebuilds after the new folders");
      g = server.state().generation();
      save("Good " + ++good + ".");
      await(server, g, s -> serves(server, "Good 3"), "serves the good save");
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));

      // The article replaced by a folder of the same name, then restored.
      g = server.state().generation();
      Files.delete(article());
      Files.createDirectories(article());
      await(server, g, s -> true, "rebuilds after the folder");
      Files.delete(article());
      g = server.state().generation();
      save("Good " + ++good + ".");
      await(server, g, s -> serves(server, "Good 4"), "serves the good save");

      // A template that overflows nothing but breaks: the theme is watched too.
      g = server.state().generation();
      Files.createDirectories(project.resolve("layouts"));
      Files.writeString(project.resolve("layouts/article.peb"), "{{ undefined_variable.x }}");
      await(server, g, s -> reports(s, "opsbook.template"), "reports the template");
      Files.delete(project.resolve("layouts/article.peb"));
      g = server.state().generation();
      save("Good " + ++good + ".");
      await(server, g, s -> serves(server, "Good 5"), "serves the good save");
    }
    assertTrue(terminal.toString().contains("rebuilt in"), terminal.toString());
  }
}
