package org.opsbook.checker.postfix.model;

import java.util.Objects;

/**
 * One delimited pattern of a rule as written: {@code !/body/flags}.
 *
 * @param body the text between the delimiters, backslashes kept (Postfix hands it to the regex
 *     compiler unchanged)
 * @param delimiter the opening and closing delimiter
 * @param negated whether an odd number of {@code !} precede the pattern
 * @param flags the flag letters after the closing delimiter, as written
 * @param map where each character of {@code body} sits in the snippet
 */
public record RegexSpec(String body, char delimiter, boolean negated, String flags, SourceMap map) {
  public RegexSpec {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(flags, "flags");
    Objects.requireNonNull(map, "map");
  }

  /** Whether a flag letter appears an odd number of times, i.e. toggles its default. */
  public boolean toggles(char flag) {
    int n = 0;
    for (int i = 0; i < flags.length(); i++) {
      if (flags.charAt(i) == flag) {
        n++;
      }
    }
    return n % 2 == 1;
  }

  public int line() {
    return map.line(0);
  }

  /** Column of the first character of the body. */
  public int column() {
    return map.column(0);
  }
}
