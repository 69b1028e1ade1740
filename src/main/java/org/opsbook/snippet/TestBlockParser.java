package org.opsbook.snippet;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.CoreRules;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestCase;
import org.opsbook.diag.Diagnostic;

/**
 * Reads a {@code test} block with the one grammar every checker shares. A case is
 *
 * <pre>
 * QUESTION => EXPECTED
 * </pre>
 *
 * where an indented line continues the question, or the expected answer once {@code =>} has been
 * seen; {@code =>} may end the question's last line or begin a line of its own; trailing white
 * space of every line is dropped; blank lines and lines starting with {@code #}
 * end a case. The arrow is the first {@code =>} at the start of the line or after white space, so
 * a question may contain {@code a=>b}. What each question and answer mean is the checker's
 * business. Stateless.
 */
public final class TestBlockParser {
  private static final String ARROW = "=>";

  private TestBlockParser() {}

  /** The cases read, and an {@code opsbook.test-syntax} error for every line that could not be. */
  public record Result(TestBlock block, List<Diagnostic> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  public static Result parse(Snippet block) {
    List<TestCase> cases = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    Draft current = null;
    List<String> lines = block.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int n = i + 1;
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        current = close(current, block, cases, problems);
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        if (current == null) {
          problems.add(error(block, n, 1, "an indented line continues a test case, but no case comes before it",
              "start the case at the beginning of the line; indent only the lines that continue it"));
        } else {
          current.continueWith(line, n);
        }
        continue;
      }
      if (line.startsWith(ARROW)) {
        if (current == null || current.expected != null) {
          problems.add(error(block, n, 1, "=> needs a question before it", "write the question on the line above"));
          current = null;
          continue;
        }
        current.expectFrom(line, 0, n);
        continue;
      }
      current = close(current, block, cases, problems);
      current = new Draft(n);
      int arrow = arrowIn(line);
      if (arrow < 0) {
        current.question.append(line.stripTrailing());
      } else {
        current.question.append(line, 0, arrow);
        current.expectFrom(line, arrow, n);
      }
    }
    close(current, block, cases, problems);
    return new Result(new TestBlock(block, cases), problems);
  }

  /** The first {@code =>} at the start of the line or after white space, or -1. */
  private static int arrowIn(String line) {
    for (int at = line.indexOf(ARROW); at >= 0; at = line.indexOf(ARROW, at + 1)) {
      if (at == 0 || Character.isWhitespace(line.charAt(at - 1))) {
        return at;
      }
    }
    return -1;
  }

  private static Draft close(Draft d, Snippet block, List<TestCase> cases, List<Diagnostic> problems) {
    if (d == null) {
      return null;
    }
    String question = stripTrailingLines(d.question.toString());
    if (d.expected == null) {
      problems.add(error(block, d.line, 1, "this test case has no expected answer: a case reads QUESTION => EXPECTED",
          "end it with => and what the model should answer"));
      return null;
    }
    String expected = stripTrailingLines(d.expected.toString());
    if (expected.isBlank()) {
      problems.add(error(block, d.expectedLine, d.expectedColumn, "the expected answer after => is empty",
          "write what the model should answer after =>"));
      return null;
    }
    if (question.isBlank()) {
      problems.add(error(block, d.line, 1, "this test case has no question before =>", "write the question first"));
      return null;
    }
    cases.add(new TestCase(block.at(d.line, 1), question, block.at(d.expectedLine, d.expectedColumn), expected));
    return null;
  }

  private static String stripTrailingLines(String text) {
    return text.stripTrailing();
  }

  private static Diagnostic error(Snippet block, int line, int column, String message, String hint) {
    return CoreRules.diagnostic(CoreRules.TEST_SYNTAX, block.at(line, column), message, hint);
  }

  /** A case being read. */
  private static final class Draft {
    final int line;
    final StringBuilder question = new StringBuilder();
    StringBuilder expected;
    int expectedLine;
    int expectedColumn;

    Draft(int line) {
      this.line = line;
    }

    /** The expected answer starts after the arrow at {@code arrow} on line {@code n}. */
    void expectFrom(String line, int arrow, int n) {
      int start = arrow + ARROW.length();
      while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
        start++;
      }
      expected = new StringBuilder(line.substring(start).stripTrailing());
      expectedLine = n;
      expectedColumn = start + 1;
    }

    void continueWith(String line, int n) {
      if (expected == null) {
        int arrow = arrowIn(line);
        if (arrow < 0) {
          question.append('\n').append(line.stripTrailing());
        } else {
          question.append('\n').append(line, 0, arrow);
          expectFrom(line, arrow, n);
        }
      } else if (expected.length() == 0) {
        // "QUESTION =>" with the answer on the indented lines below: the answer starts there.
        String text = line.strip();
        expected.append(text);
        expectedLine = n;
        expectedColumn = line.indexOf(text.charAt(0)) + 1;
      } else {
        expected.append('\n').append(line.stripTrailing());
      }
    }
  }
}
