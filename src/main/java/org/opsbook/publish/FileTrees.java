package org.opsbook.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deleting a folder with everything in it, without following symbolic links out of it; replacing
 * one file whole.
 */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Writes {@code bytes} beside {@code file} and renames them over it, so a reader (a web server
   * reloading, an upload of the same folder) sees the old file or the new one, never half of one,
   * and a symbolic link at {@code file} is replaced rather than written through. The name used on
   * the way is this process's and thread's, and is gone afterwards whether or not the write worked.
   */
  public static void replace(Path file, byte[] bytes) throws IOException {
    Path staged = file.resolveSibling("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
        + Thread.currentThread().getId());
    try {
      Files.write(staged, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(staged); // there only when the write or the rename failed
    }
  }

  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
