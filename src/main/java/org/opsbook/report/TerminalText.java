package org.opsbook.report;

import java.util.Arrays;

/**
 * Text from content made safe for a terminal: a message that quotes a snippet, a file name or a
 * source line could otherwise carry escape sequences (clear the screen, set the window title,
 * rewrite earlier lines) or bidirectional overrides that reorder what the reader sees. Control
 * characters (C0, DEL, C1) and the bidi embedding, override and isolate characters are written as
 * a backslash, x and two hex digits (or u and four); everything else, tabs included, stays. Line
 * breaks are kept only by {@link #escapeLines}, which indents the lines after the first.
 */
public final class TerminalText {
  private TerminalText() {}

  public static String escape(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = replacement(c);
      if (replacement != null && b == null) {
        b = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (b != null) {
        b.append(replacement != null ? replacement : String.valueOf(c));
      }
    }
    return b == null ? text : b.toString();
  }

  /**
   * Text of several lines made safe line by line, each line after the first starting with {@code
   * indent}: a failed test's trace is read as lines, not as one line with {@code \x0a} in it.
   */
  public static String escapeLines(String text, String indent) {
    return String.join("\n" + indent, Arrays.stream(text.split("\n", -1)).map(TerminalText::escape).toList());
  }

  private static String replacement(char c) {
    if ((c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
      return String.format(java.util.Locale.ROOT, "\\x%02x", (int) c);
    }
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
    }
    return null;
  }
}
