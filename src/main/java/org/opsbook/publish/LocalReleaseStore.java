package org.opsbook.publish;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Releases in a folder on this machine. */
public final class LocalReleaseStore implements ReleaseStore {

  /** Puts one file of the site into the release being uploaded; tests replace it to fail midway. */
  @FunctionalInterface
  interface FileCopier {
    void copy(Path from, Path to) throws IOException;
  }

  private final Path root;
  private final FileCopier copier;

  /** How long a publish waits for another one to the same folder before it gives up. */
  private static final long LOCK_WAIT_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(15);

  public LocalReleaseStore(Path root) {
    // Through a stream: the release gets the umask's permissions (0644 under 022), whatever the site's.
    this(root, (from, to) -> {
      try (java.io.InputStream in = Files.newInputStream(from)) {
        Files.copy(in, to);
      }
    });
  }

  LocalReleaseStore(Path root, FileCopier copier) {
    this.root = root;
    this.copier = copier;
  }

  @Override
  public String describe() {
    return root.toString();
  }

  @Override
  public ReleaseState state() throws PublishException {
    Path releases = root.resolve("releases");
    Path current = root.resolve("current");
    try {
      List<String> names = new ArrayList<>();
      if (!Files.isDirectory(releases)) {
        return new ReleaseState(names, currentRelease(current));
      }
      try (DirectoryStream<Path> dir = Files.newDirectoryStream(releases)) {
        for (Path p : dir) {
          String name = p.getFileName().toString();
          if (!name.startsWith(".") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            names.add(name);
          }
        }
      }
      return new ReleaseState(names, currentRelease(current));
    } catch (IOException e) {
      throw PublishException.failed("cannot read " + root + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> currentRelease(Path current) throws IOException, PublishException {
    if (Files.isSymbolicLink(current)) {
      return Optional.of(Files.readSymbolicLink(current).getFileName().toString());
    }
    if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
      throw PublishException.failed(
          current + " exists and is not a symbolic link; move it away once (it may be the site"
              + " published by other means) so that opsbook can manage it as a link to a release");
    }
    return Optional.empty();
  }

  @Override
  public void upload(Path site, String name, Optional<String> linkFrom) throws PublishException {
    // Its own incoming folder, even if another publish picked the same release name.
    Path incoming = root.resolve("releases").resolve(ReleaseLayout.INCOMING + name + "-" + UUID.randomUUID());
    Path release = root.resolve("releases").resolve(name);
    Optional<Path> previous = linkFrom.map(n -> root.resolve("releases").resolve(n));
    try {
      FileTrees.delete(incoming);
      Files.createDirectories(incoming);
      Files.walkFileTree(site, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          Files.createDirectories(incoming.resolve(relative(site, dir)));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          String rel = relative(site, file);
          if (OutputManifest.isBookkeeping(rel)) {
            return FileVisitResult.CONTINUE;
          }
          Path target = incoming.resolve(rel);
          Optional<Path> same = previous.map(p -> p.resolve(rel)).filter(p -> identical(file, p));
          if (same.isPresent()) {
            Files.createLink(target, same.get());
          } else {
            copier.copy(file, target);
          }
          return FileVisitResult.CONTINUE;
        }
      });
      if (Files.exists(release, LinkOption.NOFOLLOW_LINKS)) {
        throw new java.nio.file.FileAlreadyExistsException(release.toString());
      }
      Files.move(incoming, release, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        FileTrees.delete(incoming);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw PublishException.failed("upload to " + release + " failed, the live site is unchanged: " + e.getMessage(), e);
    }
  }

  @Override
  public void activate(String name) throws PublishException {
    Path current = root.resolve("current");
    Path next = root.resolve(".current-" + UUID.randomUUID());
    try {
      if (!Files.isDirectory(root.resolve("releases").resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        throw PublishException.failed("release " + name + " does not exist in " + root.resolve("releases"));
      }
      // A relative link keeps working when the folder is mounted elsewhere (a container, a chroot).
      Files.createSymbolicLink(next, Path.of("releases", name));
      // rename(2) replaces the old link in one step: a reader sees the old release or the new one.
      Files.move(next, current, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw PublishException.failed("cannot switch " + current + ": " + e.getMessage(), e);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(next);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw PublishException.failed("cannot switch " + current + " to " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void remove(String name) throws PublishException {
    try {
      FileTrees.delete(root.resolve("releases").resolve(name));
    } catch (IOException e) {
      throw PublishException.failed("cannot delete old release " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Lock lock() throws PublishException {
    Path file = root.resolve(ReleaseLayout.LOCK);
    try {
      Files.createDirectories(root);
      java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
      java.nio.channels.FileLock held = null;
      long deadline = System.nanoTime() + LOCK_WAIT_NANOS;
      while (held == null) {
        try {
          held = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
          // Another publish in this JVM holds it.
        }
        if (held == null) {
          if (System.nanoTime() > deadline) {
            channel.close();
            throw PublishException.failed("another publish to " + root + " has held " + file + " for 15 minutes;"
                + " try again when it is done");
          }
          Thread.sleep(50);
        }
      }
      removeAbandonedUploads();
      java.nio.channels.FileLock lock = held;
      return () -> {
        try {
          lock.release();
          channel.close();
        } catch (IOException e) {
          throw PublishException.failed("cannot release " + file + ": " + e.getMessage(), e);
        }
      };
    } catch (IOException e) {
      throw PublishException.failed("cannot lock " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PublishException.failed("interrupted while waiting for another publish to " + root);
    }
  }

  /** Deletes the incoming folders of publishes that were killed; only called with the lock held. */
  private void removeAbandonedUploads() throws IOException {
    Path releases = root.resolve(ReleaseLayout.RELEASES);
    if (!Files.isDirectory(releases)) {
      return;
    }
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(releases, ReleaseLayout.INCOMING + "*")) {
      for (Path p : dir) {
        FileTrees.delete(p);
      }
    }
  }

  private static boolean identical(Path a, Path b) {
    try {
      return Files.isRegularFile(b, LinkOption.NOFOLLOW_LINKS)
          && Files.size(a) == Files.size(b)
          && Files.mismatch(a, b) == -1;
    } catch (IOException e) {
      return false;
    }
  }

  private static String relative(Path base, Path p) {
    return base.relativize(p).toString();
  }

}
