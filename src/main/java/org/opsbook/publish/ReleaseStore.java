package org.opsbook.publish;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A destination laid out Capistrano-style: {@code releases/<name>/} folders and a {@code current}
 * symbolic link to one of them, which the web server uses as its document root.
 *
 * <p>Every operation either completes or leaves {@code current} as it was: uploads go into a
 * hidden {@code releases/.incoming-<name>} folder that is renamed into place only when complete,
 * and {@code current} is replaced by renaming a new link over it, never rewritten in place.
 */
public interface ReleaseStore {

  /** Where this store is, for messages: a folder, or {@code user@host:/path}. */
  String describe();

  /** The releases and the current one; none when the destination does not exist yet. Changes nothing. */
  ReleaseState state() throws PublishException;

  /**
   * Uploads a built site as release {@code name}, hard-linking files that are byte-identical to
   * those of release {@code linkFrom}. On failure nothing named {@code name} is left behind.
   */
  void upload(Path site, String name, Optional<String> linkFrom) throws PublishException;

  /** Points {@code current} at release {@code name} with one rename. */
  void activate(String name) throws PublishException;

  /** Deletes an old release; never called for the current one. */
  void remove(String name) throws PublishException;

  /**
   * Takes the store's publish lock, so that two publishes to one target take turns; closing the
   * result releases it. Uploads that a killed publish left behind are deleted once it is held.
   */
  Lock lock() throws PublishException;

  /** A held publish lock. */
  interface Lock extends AutoCloseable {
    @Override
    void close() throws PublishException;
  }
}
