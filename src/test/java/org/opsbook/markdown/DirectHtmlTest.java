package org.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.util.ast.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;

/**
 * The direct writer writes what flexmark's renderer, as the pipeline sets it up, writes for the
 * same document, snippets and link rewrites; and it writes most documents.
 */
class DirectHtmlTest {
  private static final List<String> INLINES = List.of(
      "plain words", "`code`", "`a longer piece of code with spaces in it`", "*em*", "**strong**", "***both***",
      "[a link](/x/)", "[titled](/y/ \"a title & more\")", "[rewritten](old.md)", "[forbidden](javascript:alert(1))",
      "[data](data:text/html,x)", "[empty]()", "[esc](/a\\_b/)", "[amp](/a?b=1&c=2)", "&#32;&#32;spaces by reference",
      "&amp; &lt;tag&gt;", "\ttab first", "a\\\nhard break", "<span>inline html</span>", "![img](/i.png)",
      "~~strike~~", "https://bare.example/link", "[ref]", "trailing  ", "&#10;line end by reference",
      "`` ` ``", "*[link in em](/z/)*", "[`code link`](/c/)", "\u00e9\u00e8 unicode");
  private static final List<String> BLOCKS = List.of("", "# ", "## ", "###### ", "- ", "* ", "1. ", "3. ", "- - ",
      "  - ", "- [ ] ", "> ", "    ", "| a | b |\n|---|:-:|\n| ", "!!! note\n    ", "Setext\n===\n\n", "- a\n\n- ",
      "1. a\n   - ", "[ref]: /r/\n\n", "<div>\n\n</div>\n\n", "---\n\n");

  private final MarkdownPipeline direct = new MarkdownPipeline(MarkdownPipeline.SHORTEST_TEXT_PLACEHOLDER, true);
  private final MarkdownPipeline flexmark = new MarkdownPipeline(MarkdownPipeline.SHORTEST_TEXT_PLACEHOLDER, false);

  @Test
  void randomDocumentsAreWrittenAsFlexmarkWritesThem() {
    Random random = new Random(20261205);
    Map<String, String> rewrites = Map.of("old.md", "/new/", "/x/", "/x/index.html");
    int written = 0;
    int total = 3000;
    for (int round = 0; round < total; round++) {
      StringBuilder md = new StringBuilder();
      for (int block = random.nextInt(6); block >= 0; block--) {
        // Mostly the common blocks, so that many documents take the direct path.
        md.append(random.nextInt(3) == 0 ? BLOCKS.get(random.nextInt(BLOCKS.size())) : List.of("", "## ", "- ", "1. ").get(random.nextInt(4)));
        for (int i = random.nextInt(4); i >= 0; i--) {
          md.append(random.nextInt(4) == 0 ? INLINES.get(random.nextInt(INLINES.size())) : INLINES.get(random.nextInt(8)))
              .append(List.of(" ", "\n", " ", "\n  ").get(random.nextInt(4)));
        }
        md.append(random.nextInt(8) == 0 ? "\n```sshd_config\nPort 22\n```\n" : "").append("\n\n");
      }
      String markdown = md.toString();
      MarkdownDocument ours = direct.parse(markdown, "", 1);
      List<String> snippets = new ArrayList<>();
      Map<Node, String> byFence = new IdentityHashMap<>();
      for (int i = 0; i < ours.fences().size(); i++) {
        String html = random.nextInt(5) == 0 ? null : "<pre class=\"snippet\"><code>  Port 22\n</code></pre>";
        snippets.add(html);
        if (html != null) {
          byFence.put(ours.fences().get(i), html);
        }
      }
      String expected = flexmark.parse(markdown, "", 1).render(snippets, rewrites);
      assertEquals(expected, ours.render(snippets, rewrites), markdown);
      if (direct.direct().render(ours.tree(), byFence, rewrites) != null) {
        written++;
      }
    }
    assertTrue(written > total / 5, written + " of " + total + " written directly");
    assertTrue(written < total, "some documents are left to flexmark");
  }

  @Test
  void theProjectsArticlesAreWrittenAsFlexmarkWritesThem() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("content", "articles"))) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    int written = 0;
    for (Path file : files) {
      String text = Files.readString(file);
      String body = text.substring(text.indexOf("\n---", 3) + 5);
      MarkdownDocument ours = direct.parse(body, "", 1);
      List<String> snippets = new ArrayList<>();
      for (int i = 0; i < ours.fences().size(); i++) {
        snippets.add("<pre>snippet " + i + "</pre>");
      }
      assertEquals(flexmark.parse(body, "", 1).render(snippets, Map.of()), ours.render(snippets, Map.of()), file.toString());
      Map<Node, String> byFence = new IdentityHashMap<>();
      for (int i = 0; i < snippets.size(); i++) {
        byFence.put(ours.fences().get(i), snippets.get(i));
      }
      if (direct.direct().render(ours.tree(), byFence, Map.of()) != null) {
        written++;
      }
    }
    // Not only documents handed back: some of the articles take the direct path.
    assertTrue(written > 0, written + " of " + files.size() + " written directly");
  }

  /**
   * The direct writer's lines against flexmark's writer as the renderer makes it, on random
   * sequences of text and line ends: the same output whenever the direct writer does not give up,
   * and it gives up only on a line of white space.
   */
  @Test
  void linesAreKeptAsFlexmarksWriterKeepsThem() {
    List<String> pieces = List.of(" ", "  ", "\t", "\n", "a", "<p>", "  x y ", "\t z", "b\n", "\n c", "</p>\n", "\u00a0");
    int maxBlankLines = HtmlRenderer.MAX_BLANK_LINES.get(null);
    int maxTrailingBlankLines = HtmlRenderer.MAX_TRAILING_BLANK_LINES.get(null);
    Random random = new Random(7);
    int compared = 0;
    int gaveUp = 0;
    for (int round = 0; round < 20_000; round++) {
      HtmlWriter flexmark = new HtmlWriter(null, 0, HtmlRenderer.FORMAT_FLAGS.get(null), false, false);
      DirectHtml.Lines direct = new DirectHtml.Lines(new StringBuilder());
      boolean directGaveUp = false;
      for (int op = random.nextInt(8); op >= 0; op--) {
        boolean line = random.nextInt(4) == 0;
        String piece = pieces.get(random.nextInt(pieces.size()));
        if (line) {
          flexmark.line();
        } else {
          flexmark.raw(piece);
        }
        try {
          if (line) {
            direct.line();
          } else {
            direct.text(piece);
          }
        } catch (DirectHtml.NotDirect e) {
          directGaveUp = true;
          break;
        }
      }
      flexmark.line();
      try {
        direct.line();
      } catch (DirectHtml.NotDirect e) {
        directGaveUp = true;
      }
      if (directGaveUp) {
        gaveUp++;
        continue;
      }
      StringBuilder expected = new StringBuilder();
      flexmark.appendToSilently(expected, maxBlankLines, maxTrailingBlankLines);
      assertEquals(expected.toString(), direct.html.toString());
      compared++;
    }
    assertTrue(compared > 5_000 && gaveUp > 1_000, compared + " compared, " + gaveUp + " given up");
  }
}
