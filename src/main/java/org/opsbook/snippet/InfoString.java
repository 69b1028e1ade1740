package org.opsbook.snippet;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fence's info string taken apart: the language and its {@code key=value} attributes.
 *
 * @param language the first word, or empty for a bare fence
 * @param attributes sorted; bare words have the value {@code "true"}
 * @param problems what could not be read, as messages with the 0-based offset in the info string
 */
public record InfoString(String language, SortedMap<String, String> attributes, List<Problem> problems) {
  public InfoString {
    attributes = new TreeMap<>(attributes);
    problems = List.copyOf(problems);
  }

  /** Something wrong in the attribute text, such as an unclosed quote. */
  public record Problem(int offset, String message) {}
}
