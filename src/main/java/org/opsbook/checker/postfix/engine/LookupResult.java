package org.opsbook.checker.postfix.engine;

import org.opsbook.checker.postfix.model.MatchRule;

/** The outcome of looking one key up in a table, as {@code postmap -q} would report it. */
public sealed interface LookupResult {
  /** A rule matched: {@code value} is its result with {@code $n} substituted. */
  record Found(String value, MatchRule rule) implements LookupResult {}

  /** No rule matched (postmap exits 1). */
  record NotFound() implements LookupResult {}

  /**
   * Matching a pattern took more steps than the model allows (catastrophic backtracking), so
   * the model cannot say what Postfix would do; {@code line} is the rule's snippet line.
   */
  record TooCostly(int line, int column) implements LookupResult {}
}
