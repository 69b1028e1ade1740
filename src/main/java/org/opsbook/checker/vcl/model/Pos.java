package org.opsbook.checker.vcl.model;

import org.opsbook.check.Snippet;

/**
 * Where a construct starts: a line and column of a text, and the snippet that text is (the one
 * being checked or a file it includes), or {@code null} for text opsbook supplies itself (the
 * built-in VCL, the lines added around a pasted subroutine).
 */
public record Pos(String source, Snippet snippet, int line, int column) {
  public boolean isAuthors() {
    return snippet != null;
  }

  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }
}
