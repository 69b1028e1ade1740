package org.opsbook.check;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opsbook.diag.SourceSpan;

/**
 * One fenced code block (or one plain config file, for {@code opsbook lint}): its language, its
 * exact text, its attributes and where its first line sits in the file the author edits.
 *
 * @param language the first word of the info string, such as {@code sshd_config}
 * @param text the block's content with its fence indentation removed, lines joined by {@code \n}
 *     and ending with {@code \n} unless empty
 * @param origin the position of the first content line, column 1 of the snippet text
 * @param columnOffset how many columns the fence's indentation removed from every line
 * @param attributes {@code key=value} attributes from the info string or the preceding {@code
 *     <!-- opsbook: ... -->} comment; a bare word such as {@code fragment} has the value {@code
 *     "true"}. Sorted by key.
 * @param fence where the opening fence is, for findings about the snippet as a whole
 */
public record Snippet(
    String language,
    String text,
    SourceSpan origin,
    int columnOffset,
    SortedMap<String, String> attributes,
    SourceSpan fence) {

  public Snippet {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(fence, "fence");
    if (columnOffset < 0) {
      throw new IllegalArgumentException("columnOffset: " + columnOffset);
    }
    attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
  }

  /** A whole file, as {@code opsbook lint} reads it: line 1, column 1, no attributes. */
  public static Snippet ofFile(String language, String text, String file) {
    SourceSpan start = new SourceSpan(file, 1, 1);
    return new Snippet(language, text, start, 0, new TreeMap<>(), start);
  }

  /** A snippet with attributes, positioned at line 1 of {@code file}; handy in tests. */
  public static Snippet of(String language, String text, String file, Map<String, String> attributes) {
    SourceSpan start = new SourceSpan(file, 1, 1);
    return new Snippet(language, text, start, 0, new TreeMap<>(attributes), start);
  }

  /**
   * The position in the edited file of a line and column of this snippet's text.
   *
   * @param line 1-based line within {@link #text()}
   * @param column 1-based column within that line
   */
  public SourceSpan at(int line, int column) {
    return new SourceSpan(origin.file(), origin.line() + line - 1, origin.column() + columnOffset + column - 1);
  }

  /** The lines of {@link #text()}, without their terminators. */
  public List<String> lines() {
    if (text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return List.of(body.split("\n", -1));
  }

  public Optional<String> attribute(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  /** Whether a bare flag such as {@code fragment} or {@code strict} is set (or {@code key=true}). */
  public boolean hasFlag(String key) {
    String value = attributes.get(key);
    return value != null && !value.equals("false") && !value.equals("off") && !value.equals("no");
  }

  /** The {@code id=} attribute, by which {@code test} blocks name this snippet. */
  public Optional<String> id() {
    return attribute("id");
  }

  /** An excerpt of a larger file: rules that need the whole file stay quiet. */
  public boolean isFragment() {
    return hasFlag("fragment");
  }
}
