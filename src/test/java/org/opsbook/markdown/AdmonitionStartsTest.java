package org.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.admonition.internal.AdmonitionBlockParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdmonitionStartsTest {
  private static final String[] PIECES = {"!!!", "???", "???+", "!!", "??", "!", "?", "+", " ", "  ", "    ", "note",
      "tip", "\"Title\"", "'t'", "text", "\n", "\n\n", "- ", "1. ", "> ", "\t", "!!!note", "```\n", "    body\n",
      "\n!!! note\n", "\n???+ tip \"Open\"\n", "\n  !!! warning \"Heads up\"\n    Indented body.\n"};

  /** The AST as text: each node's class and source range, in document order. */
  private static String tree(Node node) {
    StringBuilder out = new StringBuilder();
    appendTree(node, 0, out);
    return out.toString();
  }

  private static void appendTree(Node node, int depth, StringBuilder out) {
    out.append("  ".repeat(depth)).append(node.getClass().getSimpleName()).append(' ')
        .append(node.getStartOffset()).append('-').append(node.getEndOffset()).append('\n');
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      appendTree(child, depth + 1, out);
    }
  }

  @Test
  void theQuickTestGivesFlexmarksAnswerForEveryLine() {
    MutableDataSet options = new MutableDataSet();
    options.set(AdmonitionExtension.TYPE_SVG_MAP, java.util.Map.of());
    Parser flexmark = Parser.builder(new MutableDataSet(options).set(Parser.EXTENSIONS,
        List.of(AdmonitionExtension.create()))).build();
    Parser quick = Parser.builder(options)
        .customBlockParserFactory(new MarkdownExtras.AdmonitionStarts(new AdmonitionBlockParser.Factory())).build();
    Random random = new Random(11);
    int admonitions = 0;
    for (int doc = 0; doc < 3000; doc++) {
      StringBuilder text = new StringBuilder();
      int pieces = 1 + random.nextInt(30);
      for (int i = 0; i < pieces; i++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String markdown = text.toString();
      Node expected = flexmark.parse(markdown);
      assertEquals(tree(expected), tree(quick.parse(markdown)), markdown);
      if (tree(expected).contains(AdmonitionBlock.class.getSimpleName())) {
        admonitions++;
      }
    }
    assertTrue(admonitions > 100, "the documents hold admonitions too: " + admonitions);
  }
}
