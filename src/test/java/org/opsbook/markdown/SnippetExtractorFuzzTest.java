package org.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.opsbook.diag.Diagnostic;

class SnippetExtractorFuzzTest {
  private static final MarkdownPipeline MARKDOWN = new MarkdownPipeline();

  /** Every fenced block of any Markdown becomes a snippet whose positions lie inside the file. */
  @FuzzTest(maxDuration = "30s")
  void extractsSnippetsAtPositionsInsideTheFile(byte[] data) {
    String body = new String(data, StandardCharsets.UTF_8);
    int first = 4;
    int last = first + (int) body.chars().filter(c -> c == '\n').count();
    for (ExtractedSnippet e : MARKDOWN.parse(body, "a.md", first).snippets()) {
      int fence = e.snippet().fence().line();
      assertTrue(fence >= first && fence <= last, "fence at " + fence);
      // The line after the fence, or the fence's own line where a lone CR ended the fence for CommonMark.
      int origin = e.snippet().origin().line();
      assertTrue(origin == fence + 1 || origin == fence, "origin at " + origin);
      // Every line of the snippet comes after its fence and within the file.
      assertTrue(fence + e.snippet().lines().size() <= last + 1, "snippet runs past the end: " + e.snippet());
      e.snippet().attribute("file").ifPresent(f -> assertTrue(f.equals("true") || SnippetExtractor.namesAFile(f), f));
      for (Diagnostic d : e.problems()) {
        assertTrue(d.where().line() >= first && d.where().line() <= last, d.toString());
      }
    }
  }
}
