package org.opsbook.checker.postfix.engine;

import java.util.Set;

/**
 * A pattern compiled by one {@link PatternEngine}, holding whatever native memory that took until
 * {@link #close()}. Not thread-safe: one lookup at a time uses it.
 */
public interface CompiledPattern extends AutoCloseable {

  /** The number of capture groups, as Postfix counts them for {@code $n}. */
  int groups();

  /**
   * Groups whose {@code $n} text this engine cannot reproduce (the translator, for repeated groups
   * of a {@code regexp:} pattern); empty for the native libraries.
   */
  default Set<Integer> unreliableGroups() {
    return Set.of();
  }

  /**
   * Matches the key's bytes as the table reader does: from the start, no match options.
   *
   * @param subject the key as UTF-8 bytes, without a terminating NUL
   */
  MatchOutcome match(byte[] subject);

  /** Frees the native memory; idempotent. */
  @Override
  void close();
}
