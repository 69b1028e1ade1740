package org.opsbook.checker.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgvSplitTest {

  @Test
  void quotesGroupAndBackslashEscapesABlank() {
    ArgvSplit split = ArgvSplit.of("\"/srv/my files\" a\\ b 'c d'");
    assertTrue(split.quotesClosed());
    assertEquals(List.of(new ArgvSplit.Word("/srv/my files", 0), new ArgvSplit.Word("a b", 16),
        new ArgvSplit.Word("c d", 21)), split.words());
  }

  @Test
  void wordStartingWithHashEndsTheLineButInsideAWordIsText() {
    assertEquals(List.of(new ArgvSplit.Word("a#b", 0)), ArgvSplit.of("a#b #comment").words());
  }

  @Test
  void unclosedQuoteKeepsThePartialWordAndSaysSo() {
    ArgvSplit split = ArgvSplit.of("ok \"open");
    assertFalse(split.quotesClosed());
    assertEquals(List.of(new ArgvSplit.Word("ok", 0), new ArgvSplit.Word("open", 3)), split.words());
  }
}
