package org.opsbook.checker.postfix;

import java.util.ArrayList;
import java.util.List;

/**
 * Test keys written as headers on the wire: a line that starts with whitespace continues the key
 * before it (joined with a newline), {@code <NL>} stands for a newline followed by text, blank
 * lines and {@code #} lines are skipped.
 */
final class KeysFile {
  private KeysFile() {}

  static List<String> parse(String text) {
    List<String> keys = new ArrayList<>();
    StringBuilder current = null;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) && current != null) {
        current.append('\n').append(line);
        continue;
      }
      if (current != null) {
        keys.add(current.toString().replace("<NL>", "\n"));
      }
      current = new StringBuilder(line);
    }
    if (current != null) {
      keys.add(current.toString().replace("<NL>", "\n"));
    }
    return keys;
  }
}
