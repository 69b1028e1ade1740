package org.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CollapseSpacesTest {
  // ASCII white space collapses; no-break and em spaces are not \s in Java and stay.
  private static final char[] ALPHABET = {' ', '\t', '\n', '\u000B', '\f', '\r', 'a', 'b', '\u00A0', '\u2003', 'é', '\u001C'};

  @Test
  void collapsesAsTheRegularExpressionDoes() {
    char[] alphabet = ALPHABET;
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        s.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String text = s.toString();
      String collapsed = MarkdownDocument.appendCollapsed(new StringBuilder(), text).toString();
      assertEquals(text.replaceAll("\\s+", " "), collapsed, text);
    }
  }

  @Test
  void piecesAppendedOneByOneCollapseAsTheirWholeAndStripTheSameEitherWay() {
    char[] alphabet = ALPHABET;
    Random random = new Random(6);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder whole = new StringBuilder();
      StringBuilder out = new StringBuilder();
      for (int pieces = random.nextInt(5); pieces > 0; pieces--) {
        StringBuilder piece = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) {
          piece.append(alphabet[random.nextInt(alphabet.length)]);
        }
        whole.append(piece);
        MarkdownDocument.appendCollapsed(out, piece.toString());
      }
      String text = whole.toString();
      assertEquals(text.replaceAll("\\s+", " "), out.toString(), text);
      assertEquals(text.strip().replaceAll("\\s+", " "), out.toString().strip(), text);
    }
  }
}
