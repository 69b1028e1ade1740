package org.opsbook.checker.sshd.model;

import java.util.Objects;

/**
 * One argument after sshd has split the line: quotes removed and escapes resolved.
 *
 * @param text the argument's value
 * @param column the 1-based column in its snippet line where the argument starts (at its quote,
 *     if quoted)
 */
public record Arg(String text, int column) {
  public Arg {
    Objects.requireNonNull(text, "text");
  }
}
