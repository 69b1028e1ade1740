package org.opsbook.checker.postfix.model;

import java.util.List;

/**
 * A rule's result text split as Postfix's mac_parse() splits it: literal text ({@code $$} already
 * turned into {@code $}) and {@code $n}, {@code ${n}} or {@code $(n)} references.
 */
public record Replacement(List<Part> parts) {
  public Replacement {
    parts = List.copyOf(parts);
  }

  /** One piece of the result text. */
  public sealed interface Part permits Literal, Group {}

  /** Text copied as is. */
  public record Literal(String text) implements Part {}

  /** A {@code $n} reference to capture group {@code n} (1 or more). */
  public record Group(int number) implements Part {}

  /** The largest group number referenced, 0 if none. */
  public int maxGroup() {
    int max = 0;
    for (Part p : parts) {
      if (p instanceof Group g) {
        max = Math.max(max, g.number());
      }
    }
    return max;
  }
}
