package org.opsbook.checker.authkeys.model;

import java.util.Objects;

/**
 * One option of a key line.
 *
 * @param name the option name in lower case, without a {@code no-} prefix
 * @param negated whether it was written {@code no-NAME}
 * @param value the unquoted value of {@code name="value"}, or {@code null} for a flag
 * @param column 1-based column in the line
 */
public record KeyOption(String name, boolean negated, String value, int column) {
  public KeyOption {
    Objects.requireNonNull(name, "name");
  }
}
