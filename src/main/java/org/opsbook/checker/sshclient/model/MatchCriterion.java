package org.opsbook.checker.sshclient.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One criterion of a {@code Match} line, such as {@code !host *.example.org}.
 *
 * @param attribute the criterion name in lower case ({@code host}, {@code user}, {@code all}...)
 * @param argument the pattern list or command, or {@code null} for {@code all}, {@code canonical}
 *     and {@code final}
 */
public record MatchCriterion(boolean negated, String attribute, String argument, int column) {
  public MatchCriterion {
    Objects.requireNonNull(attribute, "attribute");
    attribute = attribute.toLowerCase(Locale.ROOT);
  }
}
