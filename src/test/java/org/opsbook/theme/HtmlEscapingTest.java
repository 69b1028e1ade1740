package org.opsbook.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

/** The theme's html escaping against the unbescape call Pebble's own strategy makes. */
class HtmlEscapingTest {
  private final HtmlEscaping escaping = new HtmlEscaping();

  @Test
  void escapesAsPebblesDefaultStrategyDoes() {
    String alphabet = "ab <>&\"'=;#xé€\u00a0\t\n\u2028😀";
    Random random = new Random(5);
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = random.nextInt(12); j > 0; j--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      assertEquals(HtmlEscape.escapeHtml4Xml(text), escaping.escape(text), text);
    }
    assertEquals("&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;", escaping.escape("<a href=\"x\">Tom's & co</a>"));
  }
}
