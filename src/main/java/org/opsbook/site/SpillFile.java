package org.opsbook.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file that holds what a large build's articles keep until their pages are written (bodies,
 * search terms and documents), so the heap holds only where each one is. The file is made in the
 * build's staging folder and unlinked at once: nothing can ever publish it, and a killed build
 * leaves nothing behind. The operating system keeps recently written parts in its page cache, so
 * reading them back is mostly a copy. Thread-safe: each write takes its own range.
 */
final class SpillFile implements KeptBytes.Store, AutoCloseable {
  private final FileChannel channel;
  private final AtomicLong end = new AtomicLong();

  private SpillFile(FileChannel channel) {
    this.channel = channel;
  }

  /** A new spill file in {@code folder}, which the build owns. */
  static SpillFile in(Path folder) throws IOException {
    Path path = Files.createTempFile(folder, ".opsbook-kept-", "");
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
        StandardOpenOption.DELETE_ON_CLOSE);
    try {
      // Where the system allows it (POSIX), the open channel outlives the name.
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // DELETE_ON_CLOSE removes it at the end instead.
    }
    return new SpillFile(channel);
  }

  @Override
  public KeptBytes keep(String text) {
    return keep(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public KeptBytes keep(byte[] bytes) {
    long at = end.getAndAdd(bytes.length);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer, at + buffer.position());
      }
    } catch (IOException e) {
      throw new WriteFailure(e);
    }
    return new KeptBytes.Spilled(this, at, bytes.length);
  }

  byte[] read(long at, int length) throws IOException {
    byte[] bytes = new byte[length];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, at + buffer.position()) < 0) {
        throw new IOException("the build's spill file ended early");
      }
    }
    return bytes;
  }

  /** How many bytes it holds. */
  long size() {
    return end.get();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /**
   * Writing to the spill file failed, typically for want of space beside the output folder: a
   * failure to write, though it happens while articles are read and processed.
   */
  static final class WriteFailure extends UncheckedIOException {
    WriteFailure(IOException cause) {
      super("cannot write the build's spill file in the staging folder beside the output folder ("
          + cause.getMessage() + ")", cause);
    }
  }
}
