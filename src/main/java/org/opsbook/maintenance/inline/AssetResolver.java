package org.opsbook.maintenance.inline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the file a reference in the page or in a stylesheet names. References from the page are
 * looked up in the theme's static folders in order (a site's override first); references from a
 * stylesheet are relative to that stylesheet, as a browser resolves them. A reference may never
 * leave the static folders.
 */
final class AssetResolver {
  private final List<Path> staticDirs;

  AssetResolver(List<Path> staticDirs) {
    this.staticDirs = staticDirs.stream().map(dir -> dir.toAbsolutePath().normalize()).toList();
  }

  /** Whether the reference points at another host or scheme, which we refuse to fetch. */
  static boolean isRemote(String reference) {
    String lower = reference.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("//") || lower.matches("[a-z][a-z0-9+.-]*:.*");
  }

  /** The reference without its query and fragment: {@code font.woff2?v=2#iefix} names {@code font.woff2}. */
  static String pathPart(String reference) {
    String path = reference.strip();
    int cut = path.length();
    for (char c : new char[] {'?', '#'}) {
      int at = path.indexOf(c);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return path.substring(0, cut);
  }

  /**
   * The file, if it exists inside a static folder.
   *
   * @param from the stylesheet that holds the reference, or {@code null} for the page itself
   */
  Optional<Path> resolve(String reference, Path from) {
    String path = pathPart(reference);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    if (from != null && !path.startsWith("/")) {
      Path candidate = from.toAbsolutePath().getParent().resolve(path).normalize();
      return inside(candidate) && Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }
    String relative = path.replaceFirst("^/+", "");
    for (Path dir : staticDirs) {
      Path candidate = dir.resolve(relative).normalize();
      if (candidate.startsWith(dir) && Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private boolean inside(Path candidate) {
    return staticDirs.stream().anyMatch(candidate::startsWith);
  }

  List<Path> staticDirs() {
    return staticDirs;
  }
}
