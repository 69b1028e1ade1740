package org.opsbook.checker.postfix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test keys written as headers on the wire: a line that starts with whitespace continues the key
 * before it (joined with a newline); blank lines and {@code #} lines are skipped. Escapes: {@code
 * <NL>} a newline followed by text, {@code <CR>} a carriage return, {@code <xHH>} the ASCII control
 * or other character with that hex code (below 80).
 */
final class KeysFile {
  private static final Pattern ESCAPE = Pattern.compile("<NL>|<CR>|<x([0-7][0-9a-fA-F])>");

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
        keys.add(unescape(current.toString()));
      }
      current = new StringBuilder(line);
    }
    if (current != null) {
      keys.add(unescape(current.toString()));
    }
    return keys;
  }

  private static String unescape(String key) {
    Matcher m = ESCAPE.matcher(key);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = switch (m.group()) {
        case "<NL>" -> "\n";
        case "<CR>" -> "\r";
        default -> String.valueOf((char) Integer.parseInt(m.group(1), 16));
      };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
