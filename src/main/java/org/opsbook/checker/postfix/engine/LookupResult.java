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

  /**
   * A rule matched but its substituted result is not valid UTF-8 (a group cut a multi-byte
   * character). With smtputf8_enable=yes (the default since compatibility level 1) Postfix's
   * dict_utf8 layer refuses such a value and the lookup fails with a table error.
   */
  record BadValue(MatchRule rule) implements LookupResult {}

  /** The lookup reached a rule this model cannot evaluate, so the answer is unknown. */
  record Unknown(org.opsbook.checker.postfix.model.UnsupportedRule rule) implements LookupResult {}
}
