package org.opsbook.checker.postfix.model;

import java.util.Objects;

/**
 * One case of a test block: the input as the table sees it (a logical header with its folded
 * lines joined by newlines, or a body line) and the expected lookup result.
 *
 * @param line the snippet line of the case's first line
 * @param expected the expected result text, or {@code null} for "no match"
 */
public record HeaderTest(int line, String input, String expected) {
  public HeaderTest {
    Objects.requireNonNull(input, "input");
  }

  /** The case as one short line, for reports. */
  public String description() {
    String first = input.lines().findFirst().orElse("");
    return (first.length() > 60 ? first.substring(0, 60) + "..." : first)
        + (input.contains("\n") ? " (folded)" : "");
  }
}
