package org.opsbook.site;

import java.util.Map;
import java.util.Optional;

/**
 * A built site held in memory, as the preview server serves it: file bytes by site path ({@code
 * articles/x/index.html}). Immutable: a rebuild makes a new one, so a request always sees one
 * whole build. Callers must not change the arrays they get.
 */
public final class SiteFiles {
  /** No site yet. */
  public static final SiteFiles EMPTY = new SiteFiles(Map.of());

  private final Map<String, byte[]> files;

  SiteFiles(Map<String, byte[]> files) {
    this.files = files;
  }

  public Optional<byte[]> get(String sitePath) {
    return Optional.ofNullable(files.get(sitePath));
  }

  /** Every file's site path, sorted. */
  public java.util.SortedSet<String> paths() {
    return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(files.keySet()));
  }

  public int size() {
    return files.size();
  }
}
