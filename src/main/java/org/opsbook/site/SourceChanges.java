package org.opsbook.site;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed in a project's sources since its last build, as a file watcher saw it.
 *
 * @param everything anything may have changed: a first build, or a watcher that lost events
 * @param paths the files and folders that were created, changed or deleted (absolute)
 */
public record SourceChanges(boolean everything, Set<Path> paths) {
  /** Anything may have changed: read every source again. */
  public static final SourceChanges EVERYTHING = new SourceChanges(true, Set.of());

  public SourceChanges {
    paths = java.util.Collections.unmodifiableSet(new TreeSet<>(paths));
  }

  public static SourceChanges of(Collection<Path> paths) {
    return new SourceChanges(false, new TreeSet<>(paths));
  }

  /** Whether something at or below {@code dir} changed. */
  boolean touches(Path dir) {
    return everything || paths.stream().anyMatch(p -> p.startsWith(dir));
  }
}
