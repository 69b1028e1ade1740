package org.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's shortcuts (autolinks looked for only where one can be, plain text escaped without
 * regular expressions, heading ids assigned once) against flexmark as it comes, configured with
 * the same extensions: the HTML must be the same.
 */
class MarkdownPipelineTest {
  private static final List<String> PIECES = List.of(
      "plain words", "https://example.org/path?q=1&r=2", "www.example.com", "mail root@example.org now",
      "ftp://files.example.net/", "a \\*literal\\* star", "&amp; &copy; &#64; &#x41; &nosuch;", "<b>raw</b>",
      "\"quoted\" 'single'", "`code & <tags>`", "**bold** and _em_", "~~gone~~", "x < y > z & w",
      "WWW.EXAMPLE.ORG", "see http://a.example/ and", "line\r\nbreak", "trailing\\\\", "a: b", "@handle",
      "[link](../other/)", "![alt](pic.png)", "&colon;//", "tab\there",
      // Colons: a URL wants "//" right after one, escaped or by reference or not; prose has many.
      "http:\\/\\/escaped.example/", "http:&#47;&#47;ref.example/", "mailto:root@example.org", "http:/one.slash",
      "urn:isbn:0451450523", "file:///etc/ssh/sshd_config", "Note: restart sshd", "port 22:",
      "a sentence long enough to stand behind a placeholder", "  two leading spaces and a long tail", "ends in spaces  ",
      "ends in a tab\t", "no\u00a0break\u00a0spaces\u00a0around\u00a0", "\u2003em space first and then a long text",
      "hard break at the end of this long line  \nnext", "*emphasis that runs long enough* and more words after it",
      "| a | b |", "<!-- a comment that is long enough -->", "&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;", "\u0000 nul",
      // The writer drops white space at the start of a line and keeps line ends that references make.
      "backslash break\\\n      then an indented line long enough", "&#32;&#32;spaces by reference, long enough&#32;&#32;",
      "[!NOTE]\n> see https://alerts.example/ too", "[!tip]", "[!WARNING] with more words on the line",
      "&#10;a line end by reference, long enough&#10;", "a line end by reference&#10;   and indentation in the middle of long text",
      // Tables with and without outer pipes, one column, captions; a pipe only in code or escaped.
      "a | b\n--|--\n1 | 2", "| only |\n|---|\n| one |", "---|\nx|", "x | y\n:-: | --:\n[a caption]",
      "`a | b`\n--- | ---", "a \\| b\n--- | ---", "|\n|", "pipe | in a sentence",
      // Cells that span columns, left alignment, a table in a list item.
      "| a || b |\n|:--|---|---|\n| 1 || 2 |\n| x | y | z |", "- | in | list |\n  |---|---|\n  | 1 | 2 |");

  private final MarkdownPipeline pipeline = new MarkdownPipeline();
  /** Every text that can stand behind a placeholder does, however short. */
  private final MarkdownPipeline allPlaceholders = new MarkdownPipeline(1);
  private final Parser stockParser;
  private final HtmlRenderer stockRenderer;

  MarkdownPipelineTest() {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
        TaskListExtension.create(), AutolinkExtension.create(), new MarkdownExtras()));
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(HtmlRenderer.SOFT_BREAK, "\n");
    options.set(TablesExtension.CLASS_NAME, "table");
    // The alerts as a flexmark post-processor, which is how the pipeline once ran them.
    stockParser = Parser.builder(options).postProcessorFactory(new NodePostProcessorFactory(false) {
      {
        addNodes(BlockQuote.class);
      }

      @Override
      public NodePostProcessor apply(Document document) {
        return new NodePostProcessor() {
          @Override
          public void process(NodeTracker state, Node node) {
            GitHubAlerts.convert((BlockQuote) node);
          }
        };
      }
    }).build();
    stockRenderer = HtmlRenderer.builder(options).build();
  }

  private void assertSameAsFlexmark(String markdown) {
    String stock = stockRenderer.render(stockParser.parse(markdown));
    assertEquals(stock, pipeline.toHtml(markdown), markdown);
    assertEquals(stock, allPlaceholders.toHtml(markdown), markdown);
  }

  @Test
  void rendersTheSameHtmlAsFlexmarkItself() {
    for (String piece : PIECES) {
      assertSameAsFlexmark(piece + "\n");
      assertSameAsFlexmark("# " + piece + "\n\n## " + piece + "\n\n- " + piece + "\n\n| a | b |\n|---|---|\n| " + piece
          + " | x |\n\n> " + piece + "\n");
    }
  }

  @Test
  void rendersTheSameHtmlAsFlexmarkOnRandomDocuments() {
    Random random = new Random(13);
    for (int doc = 0; doc < 2000; doc++) {
      StringBuilder md = new StringBuilder();
      for (int block = random.nextInt(6); block >= 0; block--) {
        // Lists of every kind: nested, numbered from elsewhere, tasks, in quotes, loose and tight.
        String prefix = List.of("", "# ", "## ", "- ", "1. ", "> ", "    ", "> [!NOTE]\n> ", "> > [!CAUTION]\n> > ",
                "3. ", "- - ", "* ", "  - ", "- [ ] ", "- [x] ", "> - ", "1) ", "- a\n\n- ", "- a\n  - ", "-\n  ")
            .get(random.nextInt(20));
        md.append(prefix);
        for (int i = random.nextInt(5); i >= 0; i--) {
          md.append(PIECES.get(random.nextInt(PIECES.size())))
              .append(List.of(" ", "\n", "  \n", "\t").get(random.nextInt(4)));
        }
        md.append("\n\n");
      }
      assertSameAsFlexmark(md.toString());
    }
  }

  @Test
  void placeholdersAreFilledAndAStrayNulIsLeftAsItIs() {
    List<String> pieces = List.of("<b>zero</b>", "<i>one</i>");
    assertEquals("a<b>zero</b>b<i>one</i>c", MarkdownPipeline.fillPlaceholders("a\u00000\u0000b\u00001\u0000c", pieces));
    assertEquals("x\u0000y<i>one</i>", MarkdownPipeline.fillPlaceholders("x\u0000y\u00001\u0000", pieces));
    assertEquals("\u0000<b>zero</b>", MarkdownPipeline.fillPlaceholders("\u0000\u00000\u0000", pieces));
    assertEquals("\u00002\u0000 \u0000-1\u0000 \u0000", MarkdownPipeline.fillPlaceholders("\u00002\u0000 \u0000-1\u0000 \u0000", pieces));
    assertEquals("\u000099999999999\u0000", MarkdownPipeline.fillPlaceholders("\u000099999999999\u0000", pieces));
  }
}
