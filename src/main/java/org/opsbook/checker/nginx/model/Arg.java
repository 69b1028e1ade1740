package org.opsbook.checker.nginx.model;

import java.util.Objects;

/**
 * One argument of a directive as nginx reads it.
 *
 * @param value the text after nginx's unescaping ({@code \"}, {@code \'}, {@code \\}, {@code \t},
 *     {@code \r}, {@code \n}); quotes removed
 * @param line 1-based line of its first character in its file
 * @param column 1-based column of its first character (the opening quote, if quoted)
 * @param quoted whether it was written in single or double quotes
 */
public record Arg(String value, int line, int column, boolean quoted) {
  public Arg {
    Objects.requireNonNull(value, "value");
  }
}
