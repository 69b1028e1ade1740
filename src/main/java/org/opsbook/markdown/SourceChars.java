package org.opsbook.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SequenceUtils;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * The text of a flexmark sequence, copied quickly. Most of a document's nodes are plain slices of
 * the source text, and flexmark's own {@code toString} copies a slice one character at a time,
 * through two method calls each: a tenth of rendering and of the section walk.
 */
final class SourceChars {
  private SourceChars() {}

  /** What {@code chars.toString()} gives: the characters, with U+0000 read as U+FFFD as flexmark reads it. */
  static String of(BasedSequence chars) {
    if (chars.getClass() == SubSequence.class && chars.getBase() instanceof String source) {
      String slice = source.substring(chars.getStartOffset(), chars.getEndOffset());
      return slice.indexOf(SequenceUtils.NUL) < 0 ? slice : slice.replace(SequenceUtils.NUL, SequenceUtils.ENC_NUL);
    }
    return chars.toString();
  }

  /** Whether {@code c} occurs in the sequence; {@code c} is neither U+0000 nor U+FFFD, which flexmark reads U+0000 as. */
  static boolean contains(BasedSequence chars, char c) {
    if (chars.getClass() == SubSequence.class && chars.getBase() instanceof String source) {
      // Not String.indexOf(c, from): that would search on to the end of the document.
      for (int i = chars.getStartOffset(), end = chars.getEndOffset(); i < end; i++) {
        if (source.charAt(i) == c) {
          return true;
        }
      }
      return false;
    }
    return chars.indexOf(c) >= 0;
  }
}
