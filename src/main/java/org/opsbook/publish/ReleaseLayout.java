package org.opsbook.publish;

/**
 * The names a release store uses at its top: {@code releases/}, the {@code current} link, the
 * publish lock, and the temporary link a switch renames over {@code current}.
 */
final class ReleaseLayout {
  static final String RELEASES = "releases";
  static final String CURRENT = "current";
  /** Held while a publish runs, so that two publishes to one target take turns. */
  static final String LOCK = ".opsbook-publish.lock";
  /** The prefix of the temporary link that replaces {@code current}. */
  static final String NEXT_CURRENT = ".current-";
  /** The prefix of an upload in progress below {@code releases/}. */
  static final String INCOMING = ".incoming-";

  private ReleaseLayout() {}

  static boolean isLayoutEntry(String name) {
    return name.equals(RELEASES) || name.equals(CURRENT) || name.equals(LOCK) || name.startsWith(NEXT_CURRENT);
  }
}
