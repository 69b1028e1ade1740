package org.opsbook.checker.haproxy.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;

/**
 * The files a configuration names (errorfiles, reply pages, maps, ACL pattern files), looked up
 * among the included files: the article's snippets with {@code file=} in a build, the disk for
 * {@code opsbook lint}. Files Debian's haproxy package installs count as present, and so do files
 * on the disk that opsbook cannot read. Remembers what it found, for the request model. One
 * instance per check; not thread-safe.
 */
final class FileLookup {
  /** The error pages Debian's haproxy package installs and its haproxy.cfg names. */
  static final Set<String> DEBIAN_FILES = Set.of("/etc/haproxy/errors/400.http", "/etc/haproxy/errors/403.http",
      "/etc/haproxy/errors/408.http", "/etc/haproxy/errors/500.http", "/etc/haproxy/errors/502.http",
      "/etc/haproxy/errors/503.http", "/etc/haproxy/errors/504.http");

  private final IncludedFiles files;
  private final Map<String, String> found = new TreeMap<>();
  private final List<IncludedFiles.Unread> unread = new ArrayList<>();

  FileLookup(IncludedFiles files) {
    this.files = files;
  }

  /** The file's text, when the article or the disk provides it. */
  Optional<String> read(String path) {
    if (found.containsKey(path)) {
      return Optional.of(found.get(path));
    }
    if (!path.startsWith("/") || IncludedFiles.isPattern(path)) {
      return Optional.empty();
    }
    List<Snippet> match = files.matching(path);
    if (match.isEmpty()) {
      return Optional.empty();
    }
    String text = match.get(0).text();
    found.put(path, text);
    return Optional.of(text);
  }

  /**
   * Whether the file is known to exist: provided, installed by Debian's package, or on the disk
   * but not readable by opsbook (HAProxy reads it as root; {@link #unread} lists those).
   */
  boolean exists(String path) {
    if (DEBIAN_FILES.contains(path) || read(path).isPresent()) {
      return true;
    }
    List<IncludedFiles.Unread> missed = path.startsWith("/") ? files.unread(path) : List.of();
    missed.stream().filter(u -> !unread.contains(u)).forEach(unread::add);
    return !missed.isEmpty();
  }

  /** The files that {@link #exists} found on the disk but could not read, in the order met. */
  List<IncludedFiles.Unread> unread() {
    return List.copyOf(unread);
  }

  Map<String, String> found() {
    return found;
  }
}
