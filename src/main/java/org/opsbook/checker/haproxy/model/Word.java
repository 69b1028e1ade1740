package org.opsbook.checker.haproxy.model;

import java.util.Objects;

/**
 * One word of a configuration line after HAProxy has removed its quotes and escapes.
 *
 * @param text the word as HAProxy's keyword parsers see it
 * @param column the 1-based column of its first character in the line as written
 * @param end the column just after its last character as written
 * @param quoted whether any part of it was quoted
 * @param dynamic whether it holds an environment variable, whose value is not known here
 */
public record Word(String text, int column, int end, boolean quoted, boolean dynamic) {
  public Word {
    Objects.requireNonNull(text, "text");
  }

  /** A word made by the checker itself, such as a line of the wrapper. */
  public static Word of(String text, int column) {
    return new Word(text, column, column + text.length(), false, false);
  }

  @Override
  public String toString() {
    return text;
  }
}
