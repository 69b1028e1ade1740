package org.opsbook.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where in a YAML text a parser error is, counted the way opsbook counts every position: lines end
 * at {@code \n} only. YAML also ends lines at a lone CR, NEL, LS and PS, so the parser's own line
 * number can point past the end of the file; its character offset cannot (found by fuzzing
 * opsbook.yaml). For the same reason {@link #reason} leaves out the parser's own excerpt of the
 * text, which names its line numbers.
 *
 * @param line 1-based
 * @param column 1-based
 */
public record YamlLocation(int line, int column) {
  /** The position of {@code at} in {@code text}; line 1, column 1 when the parser gave none. */
  public static YamlLocation of(String text, JsonLocation at) {
    if (at == null) {
      return new YamlLocation(1, 1);
    }
    long offset = at.getCharOffset();
    if (offset < 0) {
      return new YamlLocation(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }
    int end = (int) Math.min(offset, text.length());
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new YamlLocation(line, end - lineStart + 1);
  }

  /**
   * What is wrong, in one line: SnakeYAML's context and problem (such as "while parsing a flow
   * node: expected the node content, but found '<stream end>'"), else the first line of the message.
   */
  public static String reason(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked && marked.getProblem() != null) {
        String context = marked.getContext();
        return context == null || context.isBlank() ? marked.getProblem() : context + ": " + marked.getProblem();
      }
    }
    String message = e.getOriginalMessage();
    return message == null ? "unreadable YAML" : message.lines().findFirst().orElse("unreadable YAML").strip();
  }
}
