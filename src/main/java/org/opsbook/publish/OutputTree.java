package org.opsbook.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A build's output, written into a staging folder beside the target and moved into place only by
 * {@link #commit()}, so a build that fails leaves the previous site exactly as it was. Writes are
 * thread-safe.
 *
 * <p>The target folder is never missing: a first build renames the staging folder into place; a
 * later one keeps the old folder and renames each new file over its old version (assets first, so
 * a new page never points at an asset that is not there yet, then pages, then the build marker),
 * and deletes the files the new build no longer has, with the {@code .gz} copies that {@code
 * opsbook publish} made of replaced and deleted files. Bookkeeping keeps a killed swap safe: the old
 * build marker goes first (so a half-swapped folder cannot be published), and the {@link
 * OutputManifest} lists old and new files until the swap is done (so the next build still knows
 * every file as opsbook's and finishes the job). Two builds swapping into one folder take turns.
 *
 * <p>Folders and files get the permissions the process's umask gives new ones (0755 and 0644 under
 * umask 022), whatever the permissions of the sources, so a web server can read the site.
 */
public final class OutputTree implements SiteOutput, AutoCloseable {
  private static final long LOCK_POLL_MILLIS = 25;

  private final Path target;
  private final Path staging;
  private final Set<String> written = new ConcurrentSkipListSet<>();
  private final Set<String> duplicates = new ConcurrentSkipListSet<>();
  /**
   * Staging folders made so far. Asking the file system again for each of thousands of files
   * would cost a system call, and an exception, each time.
   */
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final AtomicLong bytes = new AtomicLong();
  /** The previous build's files, or null on a first build. */
  private final UnchangedFiles unchanged;
  private boolean done;

  private OutputTree(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
    this.unchanged = UnchangedFiles.of(target, staging);
  }

  /**
   * Starts a tree that will replace {@code target}. The staging folder sits beside it, on the same
   * file system; staging folders that killed runs left there are deleted first. Check the target
   * with {@link OutputFolderGuard} before.
   */
  public static OutputTree create(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new IOException("the output folder cannot be the root of the file system");
    }
    Files.createDirectories(parent);
    StagingFolders.removeAbandoned(absolute);
    // Not Files.createTempDirectory: that makes the folder 0700, and a first build renames it into place.
    Path staging = Files.createDirectory(parent.resolve(StagingFolders.newName(absolute.getFileName().toString())));
    return new OutputTree(absolute, staging);
  }

  @Override
  public void write(String sitePath, byte[] content) throws IOException {
    if (!claim(sitePath)) {
      return;
    }
    bytes.addAndGet(content.length);
    // Not the build marker: the swap takes the old one away first and puts the new one last.
    if (unchanged != null && !sitePath.equals(BuildMarker.FILE_NAME) && unchanged.keep(sitePath, content)) {
      return;
    }
    // CREATE_NEW: a staged file is always new, and nothing already there is ever written into.
    Files.write(staged(sitePath), content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  @Override
  public void copy(String sitePath, Path source) throws IOException {
    if (!claim(sitePath)) {
      return;
    }
    if (unchanged != null && unchanged.keepCopy(sitePath, source)) {
      bytes.addAndGet(Files.size(source));
      return;
    }
    // Through a stream, so the copy gets the umask's permissions rather than the source's; and
    // without replacing, for the reason write() gives.
    try (InputStream in = Files.newInputStream(source)) {
      bytes.addAndGet(Files.copy(in, staged(sitePath)));
    }
  }

  /**
   * The staging folder, where a build may make scratch files of its own. Each must be gone before
   * {@link #commit()}, which moves the whole folder into place on a first build.
   */
  public Path stagingFolder() {
    return staging;
  }

  public long fileCount() {
    return written.size();
  }

  public long byteCount() {
    return bytes.get();
  }

  /** How many of the files written were the same as the previous build's, and left in place. */
  public long unchangedCount() {
    return unchanged == null ? 0 : unchanged.count();
  }

  /**
   * Reserves a site path for one file. A second claim is an error that {@link #commit()} refuses,
   * and gets false: its file is not written, for the two writers could run at once and trip over
   * each other's file.
   */
  private boolean claim(String sitePath) throws IOException {
    if (!SitePaths.isSafe(sitePath) || OutputManifest.isBookkeeping(sitePath) && !sitePath.equals(BuildMarker.FILE_NAME)
        || sitePath.equals(UnchangedFiles.FOLDER) || sitePath.startsWith(UnchangedFiles.FOLDER + "/")) {
      throw new IOException("refusing to write '" + sitePath + "': not a plain path inside the site");
    }
    if (!written.add(sitePath)) {
      // A failing build still renders everything (to report template errors too) and is discarded;
      // one that would commit refuses in commit().
      duplicates.add(sitePath);
      return false;
    }
    return true;
  }

  /** Where a file that is written anew is staged, its folder made. */
  private Path staged(String sitePath) throws IOException {
    Path file = staging.resolve(sitePath);
    Path folder = file.getParent();
    if (!folders.contains(folder)) {
      Files.createDirectories(folder);
      folders.add(folder);
    }
    return file;
  }

  /** Moves the new tree into place; see the class comment for how. */
  public void commit() throws IOException {
    if (!duplicates.isEmpty()) {
      throw new IOException("two files would be written to " + String.join(", ", duplicates)
          + "; the second would silently replace the first");
    }
    Set<String> files = new TreeSet<>(written);
    files.remove(BuildMarker.FILE_NAME);
    OutputManifest.write(staging, files);
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (unchanged != null) {
        unchanged.placeInto(staging); // the folder went away since this build began
      }
      try {
        move(staging, target);
        done = true;
        return;
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        // Another build put a folder there meanwhile: swap into it like into any earlier output.
      }
    }
    try (FileChannel lockFile = FileChannel.open(target.resolve(OutputManifest.LOCK_NAME),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lock(lockFile)) {
      swap(files);
    }
    done = true;
    FileTrees.delete(staging);
  }

  private void swap(Set<String> files) throws IOException {
    Set<String> old = OutputManifest.read(target).orElseGet(() -> listFiles(target));
    Files.deleteIfExists(target.resolve(BuildMarker.FILE_NAME));
    Set<String> both = new TreeSet<>(old);
    both.addAll(files);
    OutputManifest.write(target, both);
    List<String> order = new ArrayList<>(files);
    // Assets before pages: a page that is already new links only to assets that are there.
    order.sort(Comparator.comparing((String p) -> p.endsWith(".html")).thenComparing(Comparator.naturalOrder()));
    for (String path : order) {
      Path into = target.resolve(path);
      makeParents(into.getParent());
      UnchangedFiles.Kept kept = unchanged == null ? null : unchanged.kept(path);
      if (kept != null && kept.isAt(into)) {
        continue; // left in place
      }
      dropCompressedCopy(path, files);
      if (Files.isDirectory(into, LinkOption.NOFOLLOW_LINKS)) {
        FileTrees.delete(into); // was a folder in the old build, is a file now
      }
      move(kept != null ? unchanged.linkOf(kept) : staging.resolve(path), into);
    }
    for (String path : old) {
      if (!files.contains(path) && SitePaths.isSafe(path) && hasNoLinkBetween(target.resolve(path))) {
        dropCompressedCopy(path, files);
        Files.deleteIfExists(target.resolve(path));
        removeEmptyParents(target.resolve(path).getParent());
      }
    }
    OutputManifest.write(target, files);
    Path marker = staging.resolve(BuildMarker.FILE_NAME);
    if (Files.exists(marker)) {
      move(marker, target.resolve(BuildMarker.FILE_NAME));
    }
    // An output folder made by an older opsbook may be 0700; give it what a new folder gets.
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (view != null) {
      view.setPermissions(Files.getPosixFilePermissions(staging));
    }
  }

  /**
   * Deletes the {@code .gz} copy that {@code opsbook publish} made of a file of the old build
   * ({@link Precompressor}) when that file is replaced or gone: a web server with {@code
   * gzip_static} would serve the old bytes to every browser. A kept file's copy is still right.
   * Deleted before the file is replaced or deleted, so no moment pairs a copy with the wrong file.
   */
  private void dropCompressedCopy(String path, Set<String> files) throws IOException {
    String copy = path + ".gz";
    if (!files.contains(copy) && SitePaths.isSafe(copy)) {
      Files.deleteIfExists(target.resolve(copy));
    }
  }

  /** Creates the folders down to {@code dir}, deleting files of the old build that stand in the way. */
  private void makeParents(Path dir) throws IOException {
    if (dir.equals(target) || Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    makeParents(dir.getParent());
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(dir); // a file of the old build where the new one has a folder
    }
    Files.createDirectory(dir);
  }

  private void removeEmptyParents(Path dir) throws IOException {
    while (!dir.equals(target) && dir.startsWith(target)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      } catch (java.nio.file.NoSuchFileException e) {
        return;
      }
      Files.delete(dir);
      dir = dir.getParent();
    }
  }

  /** Whether no folder between the target and {@code file} is a symbolic link, so deleting it stays inside. */
  private boolean hasNoLinkBetween(Path file) {
    for (Path dir = file.getParent(); dir != null && !dir.equals(target); dir = dir.getParent()) {
      if (Files.isSymbolicLink(dir)) {
        return false;
      }
    }
    return true;
  }

  /** Every file below an output folder that a manifest-less (older) opsbook wrote. */
  private static Set<String> listFiles(Path folder) {
    Set<String> files = new TreeSet<>();
    try (var walk = Files.walk(folder)) {
      walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> folder.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !OutputManifest.isBookkeeping(p))
          .forEach(files::add);
    } catch (IOException | java.io.UncheckedIOException e) {
      // Whatever could not be listed stays; the new files still replace their old versions.
    }
    return files;
  }

  /** Waits for the swap lock; another build in this process or another one may hold it. */
  private static FileLock lock(FileChannel channel) throws IOException {
    while (true) {
      try {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return lock;
        }
      } catch (OverlappingFileLockException e) {
        // Held by another build in this JVM.
      }
      try {
        Thread.sleep(LOCK_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for another build to finish writing " + channel);
      }
    }
  }

  /** Deletes the staging folder; the target is not touched. */
  public void discard() throws IOException {
    if (!done) {
      FileTrees.delete(staging);
      done = true;
    }
  }

  @Override
  public void close() throws IOException {
    discard();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
