package org.opsbook.checker.postfix.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.checker.postfix.model.SourceMap;
import org.opsbook.checker.postfix.rules.PostfixRules;

/**
 * Splits table text into logical lines the way Postfix's readlline() does: blank lines and lines
 * whose first non-blank character is {@code #} are dropped wherever they are; a line that starts
 * with whitespace is appended, without its newline, to the logical line before it; trailing
 * whitespace is trimmed.
 */
final class LogicalLineReader {
  private LogicalLineReader() {}

  static List<LogicalLine> read(List<String> physical, Findings findings) {
    List<LogicalLine> out = new ArrayList<>();
    Builder current = null;
    for (int i = 0; i < physical.size(); i++) {
      String line = physical.get(i);
      int first = firstNonBlank(line);
      if (first < 0 || line.charAt(first) == '#') {
        continue; // readlline(): comment and blank lines vanish, even inside a logical line
      }
      boolean continues = first > 0;
      if (!continues || current == null) {
        if (current != null) {
          finish(current, out, findings);
        }
        current = new Builder();
      }
      current.append(line, i + 1);
    }
    if (current != null) {
      finish(current, out, findings);
    }
    return out;
  }

  private static void finish(Builder b, List<LogicalLine> out, Findings findings) {
    LogicalLine logical = b.build();
    if (logical == null) {
      return;
    }
    if (Character.isWhitespace(logical.text().charAt(0))) {
      // readlline(): "logical line must not start with whitespace"; Postfix ignores the text.
      findings.report(PostfixRules.LEADING_WHITESPACE, logical.line(), 1,
          "this line starts with whitespace but continues nothing: Postfix warns and ignores it",
          "remove the indentation, or join it to the rule it belongs to");
      return;
    }
    out.add(logical);
  }

  static int firstNonBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isSpace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** C isspace() in the C locale. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
  }

  private static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private int[] lines = new int[64];
    private int[] columns = new int[64];

    void append(String line, int lineNo) {
      int need = text.length() + line.length() + 1;
      if (need > lines.length) {
        int size = Math.max(need, lines.length * 2);
        lines = java.util.Arrays.copyOf(lines, size);
        columns = java.util.Arrays.copyOf(columns, size);
      }
      for (int i = 0; i < line.length(); i++) {
        lines[text.length()] = lineNo;
        columns[text.length()] = i + 1;
        text.append(line.charAt(i));
      }
    }

    LogicalLine build() {
      int end = text.length();
      while (end > 0 && isSpace(text.charAt(end - 1))) {
        end--; // trimblanks()
      }
      if (end == 0) {
        return null;
      }
      int[] l = java.util.Arrays.copyOf(lines, end + 1);
      int[] c = java.util.Arrays.copyOf(columns, end + 1);
      l[end] = l[end - 1];
      c[end] = c[end - 1] + 1;
      return new LogicalLine(text.substring(0, end), new SourceMap(l, c));
    }
  }
}
