package org.opsbook.checker.postfix.engine;

/**
 * What a pattern is for, which decides the options dict_regexp compiles it with ({@code
 * REG_NOSUB} when no {@code $n} needs its groups) and how many groups regexec() reports.
 *
 * @param role the pattern's place in its rule
 * @param maxGroup the largest {@code $n} of the rule's result, 0 when there is none
 */
public record PatternUse(Role role, int maxGroup) {

  /** The place of a pattern in its rule. */
  public enum Role {
    /** The first pattern of a match rule, whose groups fill the result's {@code $n}. */
    MATCH,
    /** The second pattern of a regexp rule {@code /p1/!/p2/}: compiled with REG_NOSUB. */
    SECOND,
    /** The pattern of an {@code if}. */
    CONDITION
  }

  public static PatternUse match(int maxGroup) {
    return new PatternUse(Role.MATCH, maxGroup);
  }

  public static PatternUse second() {
    return new PatternUse(Role.SECOND, 0);
  }

  public static PatternUse condition() {
    return new PatternUse(Role.CONDITION, 0);
  }

  /** dict_regexp.c: REG_NOSUB when the result names no group, and always for the second pattern. */
  boolean noSubstrings() {
    return role == Role.SECOND || (role == Role.MATCH && maxGroup == 0);
  }
}
