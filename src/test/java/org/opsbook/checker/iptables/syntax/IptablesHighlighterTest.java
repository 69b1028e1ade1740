package org.opsbook.checker.iptables.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.HighlightToken;

class IptablesHighlighterTest {
  private static List<String> render(String text, String language) {
    List<String> out = new ArrayList<>();
    int last = 0;
    for (HighlightToken t : IptablesHighlighter.highlight(text, language)) {
      if (t.start() < last) {
        throw new AssertionError("overlapping tokens at " + t.start());
      }
      out.add(t.kind().name() + ":" + text.substring(t.start(), t.end()));
      last = t.end();
    }
    return out;
  }

  @Test
  void highlightsPromptCommandOptionsAddressesAndTarget() {
    assertEquals(
        List.of("PROMPT:#", "KEYWORD:-A", "OPTION:-s", "ADDRESS:10.0.0.0/8", "PUNCTUATION:!", "OPTION:--dport", "NUMBER:22",
            "OPTION:-j", "TARGET:DNAT", "OPTION:--to-destination", "ADDRESS:127.0.0.1:9040", "COMMENT:# tor"),
        render("# iptables -A INPUT -s 10.0.0.0/8 ! --dport 22 -j DNAT --to-destination 127.0.0.1:9040 # tor", "iptables"));
  }

  /** A page shows a lone CR as a line break: what follows it is not painted as the comment. */
  @Test
  void aCommentEndsAtALoneCarriageReturn() {
    assertEquals(List.of("KEYWORD:-A", "OPTION:-j", "TARGET:DROP", "COMMENT:# note", "OPTION:-j", "TARGET:ACCEPT"),
        render("-A INPUT -j DROP # note\r-j ACCEPT", "iptables"));
  }

  @Test
  void highlightsSaveFileSectionsVariablesAndStrings() {
    assertEquals(
        List.of("SECTION:*filter", "SECTION::INPUT", "TARGET:DROP", "NUMBER:0:0", "KEYWORD:-A", "OPTION:-i", "VARIABLE:$WAN", "OPTION:-m",
            "OPTION:--comment", "STRING:\"web in\"", "KEYWORD:COMMIT"),
        render("*filter\n:INPUT DROP [0:0]\n-A INPUT -i $WAN -m comment --comment \"web in\"\nCOMMIT\n", "iptables-save"));
  }
}
