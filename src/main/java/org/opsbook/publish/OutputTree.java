package org.opsbook.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A build's output, written into a fresh folder beside the target and moved into place only by
 * {@link #commit()}, so a build that fails leaves the previous site exactly as it was. Writes are
 * thread-safe.
 */
public final class OutputTree implements SiteOutput, AutoCloseable {
  private final Path target;
  private final Path staging;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong files = new AtomicLong();
  private boolean done;

  private OutputTree(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /** Starts a tree that will replace {@code target}. The staging folder sits beside it, on the same file system. */
  public static OutputTree create(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".tmp-");
    return new OutputTree(absolute, staging);
  }

  @Override
  public void write(String sitePath, byte[] content) throws IOException {
    Path file = resolve(sitePath);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    bytes.addAndGet(content.length);
    files.incrementAndGet();
  }

  @Override
  public void copy(String sitePath, Path source) throws IOException {
    Path file = resolve(sitePath);
    Files.createDirectories(file.getParent());
    Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
    bytes.addAndGet(Files.size(file));
    files.incrementAndGet();
  }

  public long fileCount() {
    return files.get();
  }

  public long byteCount() {
    return bytes.get();
  }

  private Path resolve(String sitePath) {
    Path file = staging.resolve(sitePath).normalize();
    if (!file.startsWith(staging)) {
      throw new IllegalArgumentException("output path escapes the site: " + sitePath);
    }
    return file;
  }

  /**
   * Moves the new tree into place. The old one is first renamed aside, then the new one renamed
   * in, then the old one deleted: at no moment does the target hold a mix of both builds.
   */
  public void commit() throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(old);
      move(target, old);
    }
    move(staging, target);
    done = true;
    if (old != null) {
      FileTrees.delete(old);
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
      Files.move(from, to);
    }
  }
}
