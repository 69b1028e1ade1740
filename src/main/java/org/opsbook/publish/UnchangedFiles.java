package org.opsbook.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The previous build's files that a new build leaves in place. When the output folder already
 * holds a file with exactly the bytes a build writes, the staging folder gets a hard link to that
 * file instead of a new copy. A rebuild then creates, writes and replaces only the files that
 * changed, which is most of what swapping into an existing folder cost on a slow disk; and an
 * unchanged file keeps its modification time, so a web server's {@code ETag} and {@code
 * Last-Modified} for it, and the copies browsers cached, stay valid.
 *
 * <p>Everything is decided on the link, once it exists, not on the name in the output folder: the
 * link pins the file it points to. The link is kept only when it is a regular file with exactly two
 * names (the old one and the link; a third would be someone else's), the permissions a new file
 * gets, and the same bytes. Folders on the way must be real folders, not links, so nothing outside
 * the output folder is read or linked.
 *
 * <p>The links wait in one flat folder of the staging folder ({@value #FOLDER}), not at their site
 * paths, so a rebuild that changes little makes and removes few folders. The swap leaves a file
 * alone while its name in the output folder still is the linked file, and renames the link over
 * whatever took its place otherwise: another build or a person replacing the file meanwhile cannot
 * change what this build publishes.
 */
final class UnchangedFiles {
  private static final int FILE_TYPE_BITS = 0170000;
  private static final int REGULAR_FILE = 0100000;
  private static final int PERMISSION_BITS = 07777;
  /** The staging folder's folder of links; no site path may start with it. */
  static final String FOLDER = ".opsbook-unchanged";

  /**
   * A file left in place: the number that names its link in the folder of links (a number rather
   * than a path, as a rebuild of a large site keeps hundreds of thousands), and the file's identity.
   */
  record Kept(long link, Object fileKey) {
    /** Whether {@code file} is (still) the linked file. */
    boolean isAt(Path file) {
      try {
        return fileKey != null
            && fileKey.equals(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
      } catch (IOException e) {
        return false;
      }
    }
  }

  private final Path target;
  private final Path links;
  private final int newFileMode;
  private final Set<Path> realFolders = ConcurrentHashMap.newKeySet();
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  private final AtomicLong names = new AtomicLong();
  /** Per writing thread, where the old file is read to be compared. */
  private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[1 << 16]);

  private UnchangedFiles(Path target, Path links, int newFileMode) {
    this.target = target;
    this.links = links;
    this.newFileMode = newFileMode;
  }

  /**
   * The previous files of {@code target}, or null when there are none to keep: a first build, or a
   * file system without POSIX modes.
   *
   * @param staging the new build's staging folder, made under the process's umask, which tells the
   *     permissions a new file gets
   */
  static UnchangedFiles of(Path target, Path staging) {
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      int folderMode = (Integer) Files.getAttribute(staging, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      // A new file gets 0666 under the umask, a new folder 0777 under it: the folder's bits without execute.
      return new UnchangedFiles(target, Files.createDirectory(staging.resolve(FOLDER)), folderMode & 0666);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Keeps the old file of {@code sitePath} when it holds exactly {@code content}; false when it is to be written. */
  boolean keep(String sitePath, byte[] content) {
    long number = names.incrementAndGet();
    Path link = links.resolve(Long.toString(number));
    return linkIfSized(target.resolve(sitePath), link, content.length)
        && confirm(sitePath, number, link, content.length, () -> holds(link, content));
  }

  /** Keeps the old file of {@code sitePath} when it holds exactly the bytes of {@code source}. */
  boolean keepCopy(String sitePath, Path source) {
    long number = names.incrementAndGet();
    Path link = links.resolve(Long.toString(number));
    long size;
    try {
      size = Files.size(source);
    } catch (IOException e) {
      return false;
    }
    return linkIfSized(target.resolve(sitePath), link, size)
        && confirm(sitePath, number, link, size, () -> Files.mismatch(source, link) == -1L);
  }

  /** Where the link of a kept file is. */
  Path linkOf(Kept file) {
    return links.resolve(Long.toString(file.link()));
  }

  /** The file of {@code sitePath} if it was kept, else null. */
  Kept kept(String sitePath) {
    return kept.get(sitePath);
  }

  /** How many files were left in place. */
  long count() {
    return kept.size();
  }

  /**
   * Moves every link to its site path below {@code staging}, for a swap that renames the whole
   * staging folder into place after all (the output folder went away meanwhile); the links are then
   * ordinary staged files, no longer kept.
   */
  void placeInto(Path staging) throws IOException {
    for (Map.Entry<String, Kept> e : kept.entrySet()) {
      Path into = staging.resolve(e.getKey());
      Files.createDirectories(into.getParent());
      Files.move(linkOf(e.getValue()), into, StandardCopyOption.ATOMIC_MOVE);
    }
    kept.clear();
    Files.delete(links);
  }

  /** Makes {@code link} a link to {@code old} when that is a plain file of {@code size} bytes in real folders. */
  private boolean linkIfSized(Path old, Path link, long size) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(old, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attrs.isRegularFile() || attrs.size() != size || !inRealFolders(old)) {
        return false;
      }
      Files.createLink(link, old);
      return true;
    } catch (NoSuchFileException e) {
      return false; // new in this build
    } catch (IOException | UnsupportedOperationException e) {
      // No hard links here (or not to this file): the file is written as a new one.
      return false;
    }
  }

  private interface SameBytes {
    boolean test() throws IOException;
  }

  /** Keeps {@code link} if it passes every test of the class comment; else removes it. */
  private boolean confirm(String sitePath, long number, Path link, long size, SameBytes sameBytes) {
    try {
      Map<String, Object> unix = Files.readAttributes(link, "unix:mode,nlink,size,fileKey", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) unix.get("mode");
      if ((mode & FILE_TYPE_BITS) == REGULAR_FILE && (mode & PERMISSION_BITS) == newFileMode
          && (Integer) unix.get("nlink") == 2 && (Long) unix.get("size") == size && sameBytes.test()) {
        kept.put(sitePath, new Kept(number, unix.get("fileKey")));
        return true;
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // Fall through: the file is written as a new one.
    }
    try {
      Files.deleteIfExists(link);
    } catch (IOException e) {
      // Only a name in the staging folder, which goes with it; the file is written at its own path.
    }
    return false;
  }

  /** Whether {@code file} holds exactly {@code content}, read through this thread's buffer rather than a copy. */
  private boolean holds(Path file, byte[] content) throws IOException {
    byte[] buffer = buffers.get();
    try (InputStream in = Files.newInputStream(file)) {
      int at = 0;
      for (int n; (n = in.read(buffer)) > 0; at += n) {
        if (at + n > content.length || !Arrays.equals(buffer, 0, n, content, at, at + n)) {
          return false;
        }
      }
      return at == content.length;
    }
  }

  /** Whether every folder between the output folder and {@code file} is a real folder, not a link. */
  private boolean inRealFolders(Path file) {
    List<Path> unchecked = new ArrayList<>();
    Path dir = file.getParent();
    while (dir != null && !dir.equals(target) && !realFolders.contains(dir)) {
      unchecked.add(dir);
      dir = dir.getParent();
    }
    if (dir == null) {
      return false; // not below the output folder at all
    }
    for (Path d : unchecked) {
      if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
    }
    realFolders.addAll(unchecked);
    return true;
  }
}
