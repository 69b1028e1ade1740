package org.opsbook.site;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A built site held in memory, as the preview server serves it: file bytes by site path ({@code
 * articles/x/index.html}). Immutable: a rebuild makes a new one, so a request always sees one
 * whole build. Callers must not change the arrays they get.
 */
public final class SiteFiles {
  /** No site yet. */
  public static final SiteFiles EMPTY = new SiteFiles(Map.of(), Map.of(), 0);

  // A preview rebuild changes a few of a large site's files, and copying every path for each one
  // would cost more than the rebuild: a new site is the last one's files (base, never changed)
  // with this build's differences on top (a null value is a file taken out). When the differences
  // grow past a sixteenth of the site, they are folded into a new base.
  private final Map<String, byte[]> base;
  private final Map<String, byte[]> changes;
  private final int size;

  private SiteFiles(Map<String, byte[]> base, Map<String, byte[]> changes, int size) {
    this.base = base;
    this.changes = changes;
    this.size = size;
  }

  /** This site with {@code changed} files replaced, added or (null bytes) taken out. */
  SiteFiles with(Map<String, byte[]> changed) {
    if (changed.isEmpty()) {
      return this;
    }
    Map<String, byte[]> next = new HashMap<>(changes);
    next.putAll(changed);
    int nextSize = size;
    for (Map.Entry<String, byte[]> c : changed.entrySet()) {
      boolean had = get(c.getKey()).isPresent();
      nextSize += (c.getValue() != null ? 1 : 0) - (had ? 1 : 0);
    }
    if (next.size() <= base.size() / 16) {
      return new SiteFiles(base, next, nextSize);
    }
    Map<String, byte[]> folded = new HashMap<>(base);
    next.forEach((path, bytes) -> {
      if (bytes == null) {
        folded.remove(path);
      } else {
        folded.put(path, bytes);
      }
    });
    return new SiteFiles(folded, Map.of(), folded.size());
  }

  public Optional<byte[]> get(String sitePath) {
    if (changes.containsKey(sitePath)) {
      return Optional.ofNullable(changes.get(sitePath));
    }
    return Optional.ofNullable(base.get(sitePath));
  }

  /** Every file's site path, sorted. */
  public SortedSet<String> paths() {
    SortedSet<String> paths = new TreeSet<>(base.keySet());
    changes.forEach((path, bytes) -> {
      if (bytes == null) {
        paths.remove(path);
      } else {
        paths.add(path);
      }
    });
    return Collections.unmodifiableSortedSet(paths);
  }

  public int size() {
    return size;
  }
}
