package org.opsbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.report.SourceLines;
import org.opsbook.site.Build;
import org.opsbook.site.BuildOptions;
import org.opsbook.site.SourceChanges;

/** A rebuild that started before a save was over is thrown away and done again, never served. */
class RebuilderTest {
  @TempDir Path project;

  private final StringWriter terminal = new StringWriter();

  private Path article() {
    return project.resolve("content/articles/first/index.md");
  }

  private void write(String body) throws Exception {
    Files.createDirectories(article().getParent());
    Files.writeString(article(), "---\ntitle: \"First\"\ndate: 2026-03-14\n---\n\n" + body + "\n");
  }

  /** A session on the project, and its first build. */
  private Rebuilder rebuilder() throws Exception {
    Files.writeString(project.resolve("opsbook.yaml"), "title: Preview\nbase_url: https://book.example.org/\n");
    return new Rebuilder(new Build(CheckerRegistry.load(), 2).session(BuildOptions.forProject(project)),
        new PrintWriter(terminal, true), SourceLines::none);
  }

  private static String page(BuildState state) {
    return new String(state.site().orElseThrow().get("articles/first/index.html").orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void aRebuildThatIsNotSettledIsNeitherServedNorPrintedAndTheNextOneReadsTheFilesAgain() throws Exception {
    write("First version.");
    Rebuilder rebuilder = rebuilder();
    BuildState first = rebuilder.rebuild(BuildState.initial(), SourceChanges.EVERYTHING);
    assertTrue(page(first).contains("First version."));
    int printed = terminal.toString().split("rebuilt in ", -1).length;

    // The save's first half: built, then found unsettled.
    write("Half a sent");
    List<BuildState> published = new ArrayList<>();
    SourceChanges edit = SourceChanges.of(List.of(article()));
    Optional<BuildState> abandoned = rebuilder.rebuildIfSettled(first, edit, () -> false, published::add);
    assertEquals(Optional.empty(), abandoned);
    assertEquals(List.of(), published, "nothing is served");
    assertEquals(printed, terminal.toString().split("rebuilt in ", -1).length, "nothing is reported: " + terminal);

    // The rest of the save came meanwhile: the next rebuild is told the same file changed.
    write("Half a sentence, and the rest of it.");
    Optional<BuildState> settled = rebuilder.rebuildIfSettled(first, edit, () -> true, published::add);
    assertTrue(settled.isPresent());
    assertEquals(List.of(settled.get()), published);
    assertTrue(page(settled.get()).contains("Half a sentence, and the rest of it."), page(settled.get()));
    assertEquals(first.generation() + 1, settled.get().generation(), "the thrown-away build took no number");
    assertTrue(terminal.toString().contains("(1 of 1 articles processed, "), terminal.toString());
  }

  @Test
  void aFailedBuildThatIsNotSettledIsNotServedEither() throws Exception {
    write("Text.");
    Rebuilder rebuilder = rebuilder();
    BuildState first = rebuilder.rebuild(BuildState.initial(), SourceChanges.EVERYTHING);
    Files.writeString(project.resolve("opsbook.yaml"), "title: [unclosed\n");
    List<BuildState> published = new ArrayList<>();
    SourceChanges edit = SourceChanges.of(List.of(project.resolve("opsbook.yaml")));
    assertEquals(Optional.empty(), rebuilder.rebuildIfSettled(first, edit, () -> false, published::add));
    assertEquals(List.of(), published);
    assertFalse(terminal.toString().contains("opsbook.yaml:"), "its errors are not printed: " + terminal);
    BuildState failed = rebuilder.rebuildIfSettled(first, edit, () -> true, published::add).orElseThrow();
    assertTrue(failed.stale());
    assertTrue(terminal.toString().contains("opsbook.yaml:"), terminal.toString());
  }
}
