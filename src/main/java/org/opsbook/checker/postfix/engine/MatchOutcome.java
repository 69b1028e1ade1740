package org.opsbook.checker.postfix.engine;

/** What matching one pattern against one key gave. */
public sealed interface MatchOutcome {

  /** The pattern does not match. */
  record NoMatch() implements MatchOutcome {}

  /**
   * The pattern matches.
   *
   * @param spans for group {@code n} (0 is the whole match), its start at {@code 2n} and end at
   *     {@code 2n+1} as byte offsets in the key; -1 for a group that took no part or that the
   *     engine was not asked to report
   */
  record Matched(int[] spans) implements MatchOutcome {
    /** The byte span of group {@code n}, or null when it is unset or empty. */
    int[] group(int n) {
      if (2 * n + 1 >= spans.length || spans[2 * n] < 0 || spans[2 * n + 1] <= spans[2 * n]) {
        return null;
      }
      return new int[] {spans[2 * n], spans[2 * n + 1]};
    }
  }

  /**
   * The library gave up with an error of its own, such as PCRE2's match limit. Postfix logs the
   * message and reads the rule as not matching, whether or not it is negated.
   */
  record LibraryError(String message) implements MatchOutcome {}

  /**
   * opsbook stopped matching at a bound of its own (the translator's step budget, a memory bound
   * lower than Postfix's): what Postfix does is unknown.
   */
  record OverBudget(String why) implements MatchOutcome {}
}
