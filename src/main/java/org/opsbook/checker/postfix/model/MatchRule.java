package org.opsbook.checker.postfix.model;

import java.util.Objects;

/**
 * {@code /pattern/flags result}, optionally with a regexp-only second pattern {@code
 * /p1/!/p2/ result}.
 *
 * @param second the second pattern of a regexp table, or {@code null}
 * @param result the result text as written (after the whitespace that follows the flags)
 * @param resultMap where the result text sits in the snippet
 * @param replacement the result split into literal text and group references
 */
public record MatchRule(
    int line, RegexSpec first, RegexSpec second, String result, SourceMap resultMap, Replacement replacement)
    implements TableRule {
  public MatchRule {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(resultMap, "resultMap");
    Objects.requireNonNull(replacement, "replacement");
  }
}
