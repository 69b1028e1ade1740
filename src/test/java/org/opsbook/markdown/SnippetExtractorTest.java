package org.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Snippet;

class SnippetExtractorTest {
  private final MarkdownPipeline markdown = new MarkdownPipeline();

  private List<ExtractedSnippet> extract(String body, int firstLine) {
    return markdown.parse(body, "a.md", firstLine).snippets();
  }

  @Test
  void positionsPointIntoTheMarkdownFile() {
    List<ExtractedSnippet> s = extract("Intro\n\n```toy {id=x}\nheader\nbad 1\n```\n", 6);
    Snippet snippet = s.get(0).snippet();
    assertEquals("toy", snippet.language());
    assertEquals("header\nbad 1\n", snippet.text());
    assertEquals(8, snippet.fence().line());
    assertEquals(9, snippet.origin().line());
    assertEquals("a.md:10:1", snippet.at(2, 1).toString());
  }

  /**
   * CommonMark ends a line at a lone carriage return, a daemon reading the file does not, and
   * neither do the positions opsbook reports: the CR stays in the snippet's line.
   */
  @Test
  void aLoneCarriageReturnStaysInsideTheSnippetsLine() {
    List<ExtractedSnippet> s = extract("Intro\n\n```toy\nheader\rbad 1\nlast\n```\n", 6);
    Snippet snippet = s.get(0).snippet();
    assertEquals("header\rbad 1\nlast\n", snippet.text());
    assertEquals(8, snippet.fence().line());
    assertEquals("a.md:10:1", snippet.at(2, 1).toString());
    List<ExtractedSnippet> t = extract("Intro\n\n```toy\rheader\nlast\n```\n", 6);
    // The fence's line ends with a lone CR: its first content line is on the same line of the file.
    assertEquals(8, t.get(0).snippet().fence().line());
    assertEquals(8, t.get(0).snippet().at(1, 1).line());
    assertEquals(9, t.get(0).snippet().at(2, 1).line());
  }

  @Test
  void fencesInsideListsKeepTheirColumns() {
    List<ExtractedSnippet> s = extract("1. Step one:\n\n   ```toy\n   bad 1\n   ```\n", 1);
    Snippet snippet = s.get(0).snippet();
    assertEquals("bad 1\n", snippet.text());
    assertEquals("a.md:4:4", snippet.at(1, 1).toString());
  }

  @Test
  void attributesMayComeFromTheCommentBeforeTheFence() {
    List<ExtractedSnippet> s = extract("<!-- opsbook: file=/etc/x fragment -->\n```toy id=y\nheader\n```\n", 1);
    Snippet snippet = s.get(0).snippet();
    assertEquals("/etc/x", snippet.attribute("file").orElseThrow());
    assertTrue(snippet.isFragment());
    assertEquals("y", snippet.id().orElseThrow());
  }

  @Test
  void infoStringWinsOverTheComment() {
    List<ExtractedSnippet> s = extract("<!-- opsbook: id=a -->\n```toy id=b\nheader\n```\n", 1);
    assertEquals("b", s.get(0).snippet().id().orElseThrow());
  }

  @Test
  void findsTestBlocksAndNestedFences() {
    List<ExtractedSnippet> s = extract("> ```toy\n> a 1\n> ```\n\n```test for=x\na => 1\n```\n", 1);
    assertEquals(2, s.size());
    assertEquals("a 1\n", s.get(0).snippet().text());
    assertTrue(s.get(1).isTestBlock());
  }

  @Test
  void unclosedQuoteInInfoStringIsReported() {
    List<ExtractedSnippet> s = extract("```toy {title=\"x}\nheader\n```\n", 1);
    assertFalse(s.get(0).problems().isEmpty());
    assertEquals(1, s.get(0).problems().get(0).where().line());
  }
}
