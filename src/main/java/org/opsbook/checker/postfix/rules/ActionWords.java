package org.opsbook.checker.postfix.rules;

import java.util.Set;

/** The header_checks(5) action vocabulary. */
public final class ActionWords {
  private ActionWords() {}

  /** Every action cleanup(8) knows (Postfix 3.7), upper case. */
  public static final Set<String> ALL =
      Set.of("BCC", "DISCARD", "DUNNO", "FILTER", "HOLD", "IGNORE", "INFO", "OK", "PASS", "PREPEND",
          "REDIRECT", "REPLACE", "REJECT", "STRIP", "WARN");

  /** The first word of a result. */
  public static String word(String result) {
    int i = 0;
    while (i < result.length() && !Character.isWhitespace(result.charAt(i))) {
      i++;
    }
    return result.substring(0, i);
  }

  /** The text after the first word and the whitespace after it. */
  public static String text(String result) {
    int i = word(result).length();
    while (i < result.length() && Character.isWhitespace(result.charAt(i))) {
      i++;
    }
    return result.substring(i);
  }
}
