package org.opsbook.checker.sshd.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One {@code Attribute pattern-list} pair of a Match line, such as {@code User alice,bob}.
 *
 * @param attribute the criterion as written ({@code User}, {@code Address}...); {@code All} has no
 *     pattern
 * @param pattern the pattern list, empty for {@code All}
 * @param column where the attribute starts
 * @param patternColumn where the pattern starts
 */
public record MatchCriterion(String attribute, String pattern, int column, int patternColumn) {
  public MatchCriterion {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(pattern, "pattern");
  }

  public String lowerAttribute() {
    return attribute.toLowerCase(Locale.ROOT);
  }
}
