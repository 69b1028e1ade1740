package org.opsbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWatcherTest {
  @TempDir Path root;

  @Test
  void editorScratchFilesAreNotChanges() {
    for (String name : List.of(".#index.md", "index.md~", ".index.md.swp", "4913", "sedAb12Cd", ".goutputstream-XYZ1")) {
      assertTrue(SiteWatcher.isScratchFile(Path.of(name)), name);
    }
    assertFalse(SiteWatcher.isScratchFile(Path.of("index.md")));
    assertFalse(SiteWatcher.isScratchFile(Path.of("sedation.md")));
  }

  @Test
  void seesEditsInFoldersCreatedAfterItStartedAndIgnoresOtherFiles() throws Exception {
    Path content = Files.createDirectories(root.resolve("content"));
    Files.writeString(root.resolve("opsbook.yaml"), "title: x\n");
    try (SiteWatcher watcher = new SiteWatcher(root, List.of(content, root.resolve("themes")), root.resolve("opsbook.yaml"))) {
      Files.writeString(root.resolve("notes.txt"), "not part of the site\n");
      Path article = Files.createDirectories(content.resolve("articles/new"));
      CompletableFuture<List<Path>> first = CompletableFuture.supplyAsync(() -> await(watcher));
      List<Path> created = first.get(30, TimeUnit.SECONDS);
      assertTrue(created.contains(content.resolve("articles")), created.toString());
      assertFalse(created.contains(root.resolve("notes.txt")), created.toString());
      Files.writeString(article.resolve("index.md"), "---\ntitle: New\n---\n");
      List<Path> edited = CompletableFuture.supplyAsync(() -> await(watcher)).get(30, TimeUnit.SECONDS);
      assertTrue(edited.contains(article.resolve("index.md")), "the new folder is watched: " + edited);
      Files.writeString(root.resolve("opsbook.yaml"), "title: y\n");
      assertEquals(List.of(root.resolve("opsbook.yaml")), CompletableFuture.supplyAsync(() -> await(watcher)).get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void changesWithinReturnsAsSoonAsOneComesAndNothingWhenTheDeadlinePasses() throws Exception {
    Path content = Files.createDirectories(root.resolve("content"));
    Files.writeString(root.resolve("opsbook.yaml"), "title: x\n");
    try (SiteWatcher watcher = new SiteWatcher(root, List.of(content), root.resolve("opsbook.yaml"))) {
      long start = System.nanoTime();
      assertEquals(List.of(), watcher.changesWithin(start + TimeUnit.MILLISECONDS.toNanos(100)));
      assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100), "it waited for the deadline");

      // Made before the call and not yet taken: counted (the deadline only covers a slow machine).
      Files.writeString(content.resolve("a.md"), "a\n");
      Thread.sleep(50);
      assertTrue(watcher.changesWithin(System.nanoTime() + TimeUnit.SECONDS.toNanos(30)).contains(content.resolve("a.md")));

      // Made while it waits: returned then, long before a distant deadline.
      CompletableFuture<List<Path>> waiting = CompletableFuture.supplyAsync(() -> {
        try {
          return watcher.changesWithin(System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(50);
      Files.writeString(root.resolve("notes.txt"), "not part of the site\n");
      Files.writeString(content.resolve("b.md"), "b\n");
      assertEquals(List.of(content.resolve("b.md")), waiting.get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void awaitFirstChangesThenSettleSeeEverySave() throws Exception {
    Path content = Files.createDirectories(root.resolve("content"));
    Files.writeString(root.resolve("opsbook.yaml"), "title: x\n");
    try (SiteWatcher watcher = new SiteWatcher(root, List.of(content), root.resolve("opsbook.yaml"))) {
      Files.writeString(content.resolve("a.md"), "a\n");
      assertTrue(watcher.awaitFirstChanges().contains(content.resolve("a.md")));
      Files.writeString(content.resolve("b.md"), "b\n");
      Thread.sleep(20);
      Files.writeString(content.resolve("c.md"), "c\n");
      Thread.sleep(20);
      List<Path> seen = new java.util.ArrayList<>(watcher.awaitFirstChanges());
      seen.addAll(watcher.settle(200));
      assertTrue(seen.containsAll(List.of(content.resolve("b.md"), content.resolve("c.md"))), seen.toString());
    }
  }

  private static List<Path> await(SiteWatcher watcher) {
    try {
      java.util.Set<Path> changed = new java.util.TreeSet<>(watcher.awaitFirstChanges());
      changed.addAll(watcher.settle(200));
      return List.copyOf(changed);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
