package org.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceCharsTest {
  private static final List<String> PIECES = List.of("plain words", "a\u0000nul", "\u0000", "&amp; &#0; &nosuch;",
      "a \\*b\\*", "*em* **strong**", "`code\u0000`", "Größe 日本語 𝒳", "\r\n", "\n", "\n\n", "# ", "- ", "> ",
      "```sh\necho \u0000 hi\n```\n", "| a | b |\n|---|---|\n| \u0000 | y |\n", "[link](u\u0000rl)", "  ", "\t", "a | b", "|");

  @Test
  void givesWhatFlexmarkGivesForEveryNodeAndCodeLine() {
    MutableDataSet options = new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
    Parser parser = Parser.builder(options).build();
    Random random = new Random(17);
    int slices = 0;
    int nuls = 0;
    for (int doc = 0; doc < 2000; doc++) {
      StringBuilder md = new StringBuilder();
      for (int i = random.nextInt(12); i >= 0; i--) {
        md.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      for (Node node : parser.parse(md.toString()).getDescendants()) {
        List<BasedSequence> sequences = node instanceof FencedCodeBlock f
            ? List.of(node.getChars(), f.getInfo(), f.getContentChars()) : List.of(node.getChars());
        for (BasedSequence chars : sequences) {
          String expected = chars.toString();
          assertEquals(expected, SourceChars.of(chars), md.toString());
          for (char c : new char[] {'|', '&', 'a', ' '}) {
            assertEquals(expected.indexOf(c) >= 0, SourceChars.contains(chars, c), md.toString());
          }
          if (chars instanceof SubSequence) {
            slices++;
            nuls += expected.indexOf('\uFFFD') >= 0 ? 1 : 0;
          }
        }
        if (node instanceof FencedCodeBlock f) {
          for (BasedSequence line : f.getContentLines()) {
            assertEquals(line.toString(), SourceChars.of(line), md.toString());
          }
        }
      }
    }
    assertTrue(slices > 10_000 && nuls > 100, slices + " slices, " + nuls + " with U+0000");
  }
}
