package org.opsbook.checker.postfix.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.checker.postfix.model.Finding;
import org.opsbook.checker.postfix.model.HeaderTest;

/**
 * Reads a Postfix {@code test} block. A case is a header as sent on the wire (continuation lines
 * indented), then {@code => expected} at the end of its last line or on a line of its own;
 * {@code expected} is {@code no match} or the result text, whose own continuation lines are
 * indented too. Lines starting with {@code #} and blank lines separate cases. Stateless.
 */
public final class TestBlockParser {
  private static final String ARROW = "=>";

  private TestBlockParser() {}

  public record Output(List<HeaderTest> cases, List<Finding> findings) {}

  public static Output parse(List<String> lines) {
    List<HeaderTest> cases = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Case current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int no = i + 1;
      if (line.isBlank() || line.startsWith("#")) {
        current = close(current, cases, findings);
        continue;
      }
      boolean indented = Character.isWhitespace(line.charAt(0));
      if (indented) {
        if (current == null) {
          findings.add(Finding.error("postfix.test-syntax", no, 1,
              "an indented line continues a header or a result, but nothing comes before it", null));
        } else if (current.expected != null) {
          current.expected.append('\n').append(line);
        } else {
          current.input.append('\n').append(line);
        }
        continue;
      }
      if (line.startsWith(ARROW)) {
        if (current == null || current.expected != null) {
          findings.add(Finding.error("postfix.test-syntax", no, 1,
              "=> needs a header before it", "write the header on the line above"));
          current = null;
          continue;
        }
        current.expected = new StringBuilder(line.substring(ARROW.length()).strip());
        continue;
      }
      current = close(current, cases, findings);
      current = new Case(no);
      int arrow = line.indexOf(" " + ARROW);
      if (arrow >= 0) {
        current.input.append(line, 0, arrow);
        current.expected = new StringBuilder(line.substring(arrow + 1 + ARROW.length()).strip());
      } else {
        current.input.append(line);
      }
    }
    close(current, cases, findings);
    return new Output(cases, findings);
  }

  private static Case close(Case c, List<HeaderTest> cases, List<Finding> findings) {
    if (c == null) {
      return null;
    }
    if (c.expected == null) {
      findings.add(Finding.error("postfix.test-syntax", c.line, 1,
          "this test case has no expected result", "end it with => ACTION text, or => no match"));
      return null;
    }
    String expected = c.expected.toString();
    if (expected.isEmpty()) {
      findings.add(Finding.error("postfix.test-syntax", c.line, 1,
          "the expected result after => is empty", "write => no match, or the action and its text"));
      return null;
    }
    boolean noMatch = expected.toLowerCase(Locale.ROOT).equals("no match");
    cases.add(new HeaderTest(c.line, c.input.toString(), noMatch ? null : expected));
    return null;
  }

  private static final class Case {
    final int line;
    final StringBuilder input = new StringBuilder();
    StringBuilder expected;

    Case(int line) {
      this.line = line;
    }
  }
}
