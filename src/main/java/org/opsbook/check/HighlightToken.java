package org.opsbook.check;

/**
 * A highlighted range of snippet text: {@code [start, end)} in UTF-16 offsets of the text given
 * to {@link Checker#highlight(String, String)}.
 */
public record HighlightToken(int start, int end, TokenKind kind) {
  public HighlightToken {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad token range [" + start + ", " + end + ")");
    }
    java.util.Objects.requireNonNull(kind, "kind");
  }
}
