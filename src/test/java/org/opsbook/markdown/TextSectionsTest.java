package org.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSectionsTest {
  private static final MarkdownPipeline PIPELINE = new MarkdownPipeline();

  private static List<TextSection> sections(String markdown) {
    return PIPELINE.parse(markdown, "content/x.md", 1).sections();
  }

  @Test
  void blocksListItemsAndLineBreaksSeparateWordsAndMarkupIsDropped() {
    assertEquals(List.of(new TextSection("", "", "One two three. Four five. item a item b Quoted line. next line")),
        sections("One *two* three.\n\nFour\nfive.\n\n- item a\n- item b\n\n> Quoted line.  \n> next line\n"));
  }

  @Test
  void eachHeadingOpensASectionWithItsAnchorAndCodeBlocksAreLeftOut() {
    assertEquals(List.of(new TextSection("", "", "Lead."),
            new TextSection("first-part", "First part", "Run sshd -t first."),
            new TextSection("empty", "Empty", ""),
            new TextSection("last", "Last", "Done.")),
        sections("Lead.\n\n## First *part*\n\nRun `sshd -t` first.\n\n```sshd_config\nPort 22\n```\n\n    indented code\n\n"
            + "## Empty\n\n### Last\n\nDone.\n"));
  }

  @Test
  void aDocumentWithoutProseHasNoSections() {
    assertEquals(List.of(), sections("```text\nonly code\n```\n"));
  }
}
