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

  public LocalReleaseStore(Path root) {
    this(root, (from, to) -> Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES));
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
    Path incoming = root.resolve("releases").resolve(".incoming-" + name);
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
          if (rel.equals(BuildMarker.FILE_NAME)) {
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
