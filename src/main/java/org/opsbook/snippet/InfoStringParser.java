package org.opsbook.snippet;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parses {@code sshd_config {file=/etc/ssh/sshd_config id=hardened fragment}}: the language, then
 * attributes separated by spaces (braces and commas between attributes optional; values may be
 * double-quoted). Also parses the text of an {@code <!-- opsbook: ... -->} comment.
 */
public final class InfoStringParser {
  private InfoStringParser() {}

  public static InfoString parse(String info) {
    String trimmed = info.strip();
    int space = 0;
    while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space)) && trimmed.charAt(space) != '{') {
      space++;
    }
    String language = trimmed.substring(0, space);
    List<InfoString.Problem> problems = new ArrayList<>();
    SortedMap<String, String> attributes = parseAttributes(trimmed.substring(space), info.indexOf(trimmed) + space, problems);
    return new InfoString(language, attributes, problems);
  }

  /** Attributes only, as written in an {@code opsbook:} comment. */
  public static InfoString parseAttributesOnly(String text) {
    List<InfoString.Problem> problems = new ArrayList<>();
    return new InfoString("", parseAttributes(text, 0, problems), problems);
  }

  private static SortedMap<String, String> parseAttributes(String text, int base, List<InfoString.Problem> problems) {
    SortedMap<String, String> out = new TreeMap<>();
    int i = 0;
    int n = text.length();
    boolean braces = false;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == ',') {
        i++;
        continue;
      }
      if (c == '{' && !braces) {
        braces = true;
        i++;
        continue;
      }
      if (c == '}' && braces) {
        braces = false;
        i++;
        continue;
      }
      int keyStart = i;
      while (i < n && isKeyChar(text.charAt(i))) {
        i++;
      }
      if (i == keyStart) {
        problems.add(new InfoString.Problem(base + i, "unexpected '" + c + "' in the attributes"));
        i++;
        continue;
      }
      String key = text.substring(keyStart, i);
      if (key.startsWith(".") || key.startsWith("#")) {
        // Pandoc-style class or id shorthand: {.foo} is a class, {#bar} an id.
        if (key.startsWith("#")) {
          out.put("id", key.substring(1));
        }
        continue;
      }
      if (i < n && text.charAt(i) == '=') {
        i++;
        if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
          char quote = text.charAt(i);
          int close = text.indexOf(quote, i + 1);
          if (close < 0) {
            problems.add(new InfoString.Problem(base + i, "the value of '" + key + "' has no closing " + quote));
            out.put(key, text.substring(i + 1));
            i = n;
          } else {
            out.put(key, text.substring(i + 1, close));
            i = close + 1;
          }
        } else {
          int valueStart = i;
          while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '}') {
            i++;
          }
          out.put(key, text.substring(valueStart, i));
        }
      } else {
        out.put(key, "true");
      }
    }
    if (braces) {
      problems.add(new InfoString.Problem(base + n, "the attribute list has no closing '}'"));
    }
    return out;
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '#';
  }
}
