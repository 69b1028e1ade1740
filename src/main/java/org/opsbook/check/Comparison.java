package org.opsbook.check;

import java.util.Objects;

/**
 * How an answer compares with what a test case expects: they agree, they differ (and how), or the
 * expected text itself cannot be read.
 *
 * @param message for a difference, what was expected and what the model gives; for an unreadable
 *     expectation, what is wrong with it; empty when they agree
 * @param hint for an unreadable expectation, how to write it; may be {@code null}
 */
public record Comparison(Outcome outcome, String message, String hint) {

  public enum Outcome {
    AGREE, DIFFER, UNREADABLE
  }

  public Comparison {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
  }

  public static Comparison agree() {
    return new Comparison(Outcome.AGREE, "", null);
  }

  public static Comparison differ(String message) {
    return new Comparison(Outcome.DIFFER, message, null);
  }

  public static Comparison unreadable(String message, String hint) {
    return new Comparison(Outcome.UNREADABLE, message, hint);
  }

  /**
   * The comparison most checkers want: the texts agree when they are equal after runs of white
   * space are collapsed to one space and the ends trimmed.
   */
  public static Comparison ofText(String expected, String actual) {
    if (collapse(expected).equals(collapse(actual))) {
      return agree();
    }
    return differ("expected '" + collapse(expected) + "' but the model gives '" + collapse(actual) + "'");
  }

  public boolean agrees() {
    return outcome == Outcome.AGREE;
  }

  /** Runs of white space (line breaks included) as one space, ends trimmed. */
  public static String collapse(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
