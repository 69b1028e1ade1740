package org.opsbook.check;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.opsbook.diag.IoReason;
import org.opsbook.diag.SourceSpan;

/**
 * The files on a disk, for {@code opsbook lint} and {@code opsbook query} on real configuration
 * files: a pattern is expanded as glob(3) expands it (one path component at a time, {@code *},
 * {@code ?} and {@code [...]} never matching {@code /} or a leading dot) and the matches come back
 * sorted as glob(3) sorts them in the C locale, by bytes. The root is {@code /} for the host; tests
 * give a folder that stands for it. A directory that matches comes back empty, as a daemon reading
 * it gets nothing. Devices and pipes, files that cannot be read and files over 4 MiB are left out
 * rather than read in part (no configuration is that large; {@code /dev/zero} would never end);
 * {@link #unread} names them, and the folders that cannot be listed, for the checker to report. So
 * are the readable matches past the 1,024th, which {@link #mayLeaveOut} tells a checker to report.
 * Each file comes back with its path as {@code file=}. Immutable and thread-safe.
 */
public final class DiskFiles implements IncludedFiles {
  private static final long MAX_BYTES = 4L * 1024 * 1024;
  /**
   * The most matches of one pattern that are read; a caller that gets this many should say that
   * any further files went unchecked.
   */
  public static final int MATCH_LIMIT = 1024;

  private final Path root;
  private final String language;

  /**
   * @param root the folder that stands for {@code /}
   * @param language the language the files are read as, the including file's
   */
  public DiskFiles(Path root, String language) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    this.language = Objects.requireNonNull(language, "language");
  }

  /** The host's own files. */
  public static DiskFiles host(String language) {
    return new DiskFiles(Path.of("/"), language);
  }

  @Override
  public boolean isWholeTree() {
    return true;
  }

  @Override
  public List<Snippet> matching(String pattern) {
    List<Snippet> out = new ArrayList<>();
    for (Found f : read(glob(pattern), true)) {
      if (f.text() != null) {
        SourceSpan start = new SourceSpan(f.path(), 1, 1);
        out.add(new Snippet(language, f.text(), start, 0, new TreeMap<>(Map.of("file", f.path())), start));
      }
    }
    return out;
  }

  @Override
  public List<Unread> unread(String pattern) {
    Globbed globbed = glob(pattern);
    List<Unread> out = new ArrayList<>(globbed.unreachable());
    for (Found f : read(globbed, false)) {
      if (f.text() == null) {
        out.add(new Unread(f.path(), f.whyUnread()));
      }
    }
    return out;
  }

  /** A match, with its text or why it has none. */
  private record Found(String path, String text, String whyUnread) {}

  /**
   * The matches in glob(3) order, read, up to the {@link #MATCH_LIMIT}th readable one. Files that
   * cannot be read do not count: a pattern left short of the limit gave all it has.
   *
   * @param text whether to read the text; without it, a readable file is only opened, and its text
   *     is empty (what {@link #unread} needs to know costs no reading of every file)
   */
  private List<Found> read(Globbed globbed, boolean text) {
    List<Found> out = new ArrayList<>();
    int readable = 0;
    for (String p : globbed.found()) {
      if (readable == MATCH_LIMIT) {
        break;
      }
      Found f = read(p, resolve(p), text);
      out.add(f);
      if (f.text() != null) {
        readable++;
      }
    }
    return out;
  }

  /**
   * What a pattern matches: the existing paths, sorted as glob(3) sorts them, and the folders that
   * could not be listed or paths that could not be looked at, where a daemon running as root may
   * find more (glob(3) skips such folders without a word).
   */
  private record Globbed(List<String> found, List<Unread> unreachable) {}

  private Globbed glob(String pattern) {
    if (!pattern.startsWith("/")) {
      return new Globbed(List.of(), List.of());
    }
    List<Unread> unreachable = new ArrayList<>();
    List<String> paths = List.of("");
    String[] components = pattern.substring(1).split("/", -1);
    for (int i = 0; i < components.length; i++) {
      String component = components[i];
      boolean last = i == components.length - 1;
      List<String> next = new ArrayList<>();
      for (String dir : paths) {
        if (component.isEmpty() || component.equals(".") || component.equals("..")) {
          next.add(dir + "/" + component);
        } else if (IncludedFiles.isPattern(component)) {
          List<String> names;
          try {
            names = list(dir);
          } catch (IOException e) {
            unreachable.add(new Unread(dir.isEmpty() ? "/" : dir,
                "is a folder that cannot be listed (" + IoReason.of(e) + ")"));
            continue;
          }
          for (String name : names) {
            if (GlobPattern.matches(component, name)) {
              next.add(dir + "/" + name);
            }
          }
        } else {
          next.add(dir + "/" + component);
        }
      }
      paths = last ? next : next.stream().filter(p -> resolve(p) != null && Files.isDirectory(resolve(p))).toList();
    }
    List<String> found = new ArrayList<>();
    for (String p : paths) {
      Path file = resolve(p);
      if (file == null) {
        continue;
      }
      if (Files.exists(file)) {
        found.add(p);
      } else if (!Files.notExists(file)) {
        // Neither there nor not there: a folder on the way may not be searched.
        unreachable.add(new Unread(p, "cannot be looked at (permission denied on a folder above it)"));
      }
    }
    found.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    return new Globbed(found, unreachable);
  }

  @Override
  public boolean mayLeaveOut(List<Snippet> matched) {
    return matched.size() >= MATCH_LIMIT;
  }

  /** The path under the root, or {@code null} for one that climbs above it. */
  private Path resolve(String absolute) {
    Path p = root.resolve(absolute.substring(1)).normalize();
    return p.startsWith(root) ? p : null;
  }

  /** The names in a folder; empty when it is no folder. */
  private List<String> list(String dir) throws IOException {
    Path d = resolve(dir.isEmpty() ? "/" : dir);
    if (d == null || !Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(d)) {
      return entries.map(e -> e.getFileName().toString()).sorted().toList();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause(); // a failure while reading the listing, after it was opened
    } catch (SecurityException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * A configuration file's bytes as text the way a daemon reads them: bytes, so a Latin-1 comment
   * does not stop it. Bad UTF-8 becomes U+FFFD; a final newline is added when missing.
   */
  public static String asTheDaemonReadsIt(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
      return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder reported an error", e);
    }
  }

  /**
   * The text as the daemon reads it (bad UTF-8 replaced, a final newline added), or why there is
   * none; with {@code text} false, an empty text for a file that can be read.
   */
  private static Found read(String path, Path file, boolean text) {
    if (Files.isDirectory(file)) {
      return new Found(path, "", null);
    }
    try {
      if (!Files.isRegularFile(file)) {
        return new Found(path, null, "is a device or a pipe, not a file");
      }
      if (Files.size(file) > MAX_BYTES) {
        return new Found(path, null, "is larger than 4 MiB");
      }
      if (!text) {
        Files.newByteChannel(file).close(); // throws as a read would, for a file this user may not read
        return new Found(path, "", null);
      }
      return new Found(path, asTheDaemonReadsIt(Files.readAllBytes(file)), null);
    } catch (IOException e) {
      return new Found(path, null, "cannot be read (" + IoReason.of(e) + ")");
    } catch (SecurityException e) {
      return new Found(path, null, "cannot be read (" + e.getMessage() + ")");
    }
  }
}
