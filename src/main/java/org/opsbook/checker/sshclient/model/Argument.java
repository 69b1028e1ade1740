package org.opsbook.checker.sshclient.model;

import java.util.Objects;

/**
 * One argument of a directive after quote removal, with the 1-based column where it starts in the
 * line.
 */
public record Argument(String value, int column) {
  public Argument {
    Objects.requireNonNull(value, "value");
  }
}
