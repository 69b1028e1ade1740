package org.opsbook.check;

import java.util.Objects;
import org.opsbook.diag.SourceSpan;

/**
 * One case of a {@code test} block, as the pipeline reads it with the grammar every checker
 * shares: {@code QUESTION => EXPECTED}. The question and the expected answer may each continue on
 * indented lines; those lines keep their leading white space (not their trailing), joined with
 * {@code \n} (a folded mail header stays folded).
 *
 * @param where the first character of the question in the edited file
 * @param question what to ask the model, such as {@code user=alice addr=203.0.113.9}
 * @param expectedAt the first character of the expected answer
 * @param expected what the case says the model answers; never empty
 */
public record TestCase(SourceSpan where, String question, SourceSpan expectedAt, String expected) {
  public TestCase {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(expectedAt, "expectedAt");
    Objects.requireNonNull(expected, "expected");
  }

  /** A question with no expectation, as {@code opsbook query} asks it. */
  public static TestCase query(SourceSpan where, String question) {
    return new TestCase(where, question, where, "");
  }

  /**
   * The position of a character of the question: {@code offset} counts UTF-16 units from the
   * question's start, across its continuation lines.
   */
  public SourceSpan questionAt(int offset) {
    return at(where, question, offset);
  }

  /** The position of a character of the expected answer, as {@link #questionAt(int)}. */
  public SourceSpan expectedAt(int offset) {
    return at(expectedAt, expected, offset);
  }

  /** The question on one line, for reports. */
  public String description() {
    String oneLine = question.strip().replaceAll("\\s*\n\\s*", " ");
    return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
  }

  private static SourceSpan at(SourceSpan start, String text, int offset) {
    int line = start.line();
    int column = start.column();
    int end = Math.max(0, Math.min(offset, text.length()));
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SourceSpan(start.file(), line, column);
  }
}
