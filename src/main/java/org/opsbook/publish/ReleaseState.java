package org.opsbook.publish;

import java.util.List;
import java.util.Optional;

/**
 * The releases at a destination, oldest first (release names are UTC timestamps, so name order
 * is age order), and the one {@code current} points at, if any.
 */
public record ReleaseState(List<String> releases, Optional<String> current) {
  public ReleaseState {
    releases = releases.stream().sorted().toList();
  }

  /** The newest release, which the next upload hard-links unchanged files from. */
  public Optional<String> newest() {
    return releases.isEmpty() ? Optional.empty() : Optional.of(releases.get(releases.size() - 1));
  }

  /** The release just before the current one, for {@code --rollback}. */
  public Optional<String> beforeCurrent() {
    if (current.isEmpty()) {
      return Optional.empty();
    }
    int i = releases.indexOf(current.get());
    return i > 0 ? Optional.of(releases.get(i - 1)) : Optional.empty();
  }
}
