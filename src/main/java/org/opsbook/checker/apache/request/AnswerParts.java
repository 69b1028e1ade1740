package org.opsbook.checker.apache.request;

import java.util.List;

/** The answer grammar's pieces, for code that reads answers (tests, tools). Pure functions. */
public final class AnswerParts {
  private AnswerParts() {}

  /** The parts of an answer, split at commas outside double quotes. */
  public static List<String> split(String answer) {
    return AnswerFormat.split(answer);
  }

  /** A value without its double quotes and backslash escapes. */
  public static String unquote(String value) {
    return AnswerFormat.unquote(value);
  }
}
