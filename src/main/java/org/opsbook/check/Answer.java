package org.opsbook.check;

import java.util.Objects;

/**
 * What an executable model says to one question of a test case or {@code opsbook query}.
 *
 * @param kind whether there is an answer, the question could not be read, or the model cannot
 *     evaluate it
 * @param text the answer, in the form test cases write it (compared with the expected text), or
 *     for the other kinds what went wrong
 * @param trace how the model got there (rules hit, blocks applied), shown with a failing case and
 *     printed by {@code opsbook query}; may be empty
 * @param hint for an unreadable question, how to write it; may be {@code null}
 */
public record Answer(Kind kind, String text, String trace, String hint) {

  /** The three outcomes of asking a model. */
  public enum Kind {
    /** The model answered. */
    ANSWERED,
    /** The question does not follow the checker's question grammar. */
    UNREADABLE,
    /** The question is fine, but the model does not cover what it needs; it never guesses. */
    CANNOT_EVALUATE
  }

  public Answer {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(trace, "trace");
  }

  public static Answer of(String text) {
    return new Answer(Kind.ANSWERED, text, "", null);
  }

  public static Answer of(String text, String trace) {
    return new Answer(Kind.ANSWERED, text, trace, null);
  }

  public static Answer unreadable(String message, String hint) {
    return new Answer(Kind.UNREADABLE, message, "", hint);
  }

  public static Answer cannotEvaluate(String reason) {
    return new Answer(Kind.CANNOT_EVALUATE, reason, "", null);
  }

  public boolean isAnswered() {
    return kind == Kind.ANSWERED;
  }
}
