package org.opsbook.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.opsbook.diag.Diagnostic;

class FrontMatterParserFuzzTest {
  private final FrontMatterParser parser = new FrontMatterParser();

  @FuzzTest(maxDuration = "20s")
  void splitsAnyFileIntoFrontMatterAndBodyWithErrorsOnItsLines(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    int lines = (int) text.chars().filter(c -> c == '\n').count() + 2;
    for (Kind kind : Kind.values()) {
      ParsedSource parsed = parser.parse(text, "a.md", kind, Set.of());
      assertTrue(parsed.bodyLine() >= 1 && parsed.bodyLine() <= lines, "body line " + parsed.bodyLine());
      for (Diagnostic d : parsed.diagnostics()) {
        assertTrue(d.where().line() <= lines, d.toString());
      }
      if (parsed.frontMatter() != null) {
        assertFalse(parsed.frontMatter().title().isBlank());
        assertFalse(parsed.diagnostics().stream().anyMatch(Diagnostic::isError));
        // An alias becomes a file path of the site: it must be a plain absolute path.
        parsed.frontMatter().aliases().forEach(a -> assertTrue(a.startsWith("/") && !a.contains("/../") && !a.contains("//"), a));
      }
    }
  }
}
