package org.opsbook.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Watches the folders a site is built from (content, themes, layouts) and its configuration file,
 * and hands over changes in batches: a save that touches several files (an editor's temporary file
 * and rename, a {@code git checkout}) becomes one rebuild.
 *
 * <p>java.nio's WatchService watches single folders, so every sub-folder is registered, and
 * folders created later are registered as they appear.
 */
final class SiteWatcher implements AutoCloseable {
  // GNU sed -i writes its result to sedXXXXXX beside the file, then renames it over the original.
  private static final java.util.regex.Pattern SED_TEMP = java.util.regex.Pattern.compile("sed[A-Za-z0-9]{6}");

  private final WatchService service;
  private final Path root;
  private final Set<Path> trees;
  private final Path configFile;
  private final Map<WatchKey, Path> folders = new HashMap<>();

  SiteWatcher(Path root, List<Path> trees, Path configFile) throws IOException {
    this.service = FileSystems.getDefault().newWatchService();
    this.root = root;
    this.trees = Set.copyOf(trees);
    this.configFile = configFile;
    register(root);
    if (configFile.getParent() != null && !configFile.getParent().equals(root) && Files.isDirectory(configFile.getParent())) {
      register(configFile.getParent());
    }
    for (Path tree : trees) {
      registerTree(tree);
    }
  }

  /**
   * Blocks until something relevant changes and returns what has changed so far, sorted, without
   * waiting for the changes to settle: {@link #changesWithin} says afterwards whether more came.
   */
  List<Path> awaitFirstChanges() throws InterruptedException {
    Set<Path> changed = new TreeSet<>();
    while (changed.isEmpty()) {
      collect(service.take(), changed);
      for (WatchKey ready = service.poll(); ready != null; ready = service.poll()) {
        collect(ready, changed);
      }
    }
    return List.copyOf(changed);
  }

  /** Waits until {@code quietMillis} pass without a relevant change; returns the changes seen meanwhile. */
  List<Path> settle(long quietMillis) throws InterruptedException {
    Set<Path> changed = new TreeSet<>();
    for (WatchKey key = service.poll(quietMillis, TimeUnit.MILLISECONDS); key != null;
        key = service.poll(quietMillis, TimeUnit.MILLISECONDS)) {
      collect(key, changed);
    }
    return List.copyOf(changed);
  }

  /**
   * The relevant changes seen from now until {@code deadlineNanos} ({@link System#nanoTime()}),
   * returned as soon as there are any; empty when none came by the deadline. Changes made before
   * this call and not yet taken count too.
   */
  List<Path> changesWithin(long deadlineNanos) throws InterruptedException {
    Set<Path> changed = new TreeSet<>();
    while (changed.isEmpty()) {
      long left = deadlineNanos - System.nanoTime();
      WatchKey key = left > 0 ? service.poll(left, TimeUnit.NANOSECONDS) : service.poll();
      if (key == null) {
        break;
      }
      collect(key, changed);
    }
    return List.copyOf(changed);
  }

  private void collect(WatchKey key, Set<Path> changed) {
    Path folder = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || folder == null) {
        // Events were lost: report the folders themselves, which means "rebuild everything".
        changed.addAll(trees);
        continue;
      }
      Path path = folder.resolve((Path) event.context());
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(path) && isWatched(path)) {
        registerTree(path);
      }
      if (isWatched(path) && !isScratchFile(path)) {
        changed.add(path);
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
  }

  private boolean isWatched(Path path) {
    if (path.equals(configFile)) {
      return true;
    }
    for (Path tree : trees) {
      if (path.startsWith(tree)) {
        return true;
      }
    }
    return false;
  }

  /** Editor swap and backup files: saving through them ends in a real change we do see. */
  static boolean isScratchFile(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(".#") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
        || name.equals("4913") || name.startsWith(".goutputstream") || SED_TEMP.matcher(name).matches();
  }

  /**
   * Registers a folder and every folder below it. Whatever a save leaves behind (a folder that
   * cannot be read, one that vanishes while it is walked, a link that loops) is skipped: links are
   * not followed, and a folder that fails is left unwatched rather than ending the watch.
   */
  private void registerTree(Path tree) {
    if (!Files.isDirectory(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(tree, new java.nio.file.SimpleFileVisitor<>() {
        @Override
        public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
          register(dir);
          return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
          return java.nio.file.FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | RuntimeException e) {
      // The tree vanished while being walked; its parent's events cover it.
    }
  }

  private void register(Path dir) {
    try {
      folders.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
    } catch (IOException e) {
      // Not watchable (gone, or no permission): changes there are missed, but the server goes on.
    }
  }

  Path root() {
    return root;
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
