package org.opsbook.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.opsbook.diag.Diagnostic;

/**
 * A Markdown file split into its front matter and body.
 *
 * @param frontMatter the validated front matter, or {@code null} when it has errors
 * @param raw the front matter as a YAML tree (empty object when there is none), for page types
 *     with fields of their own
 * @param body the Markdown after the closing {@code ---}
 * @param bodyLine the 1-based line of the file on which the body starts
 * @param diagnostics problems with the front matter
 */
public record ParsedSource(FrontMatter frontMatter, JsonNode raw, String body, int bodyLine, List<Diagnostic> diagnostics) {
  public ParsedSource {
    diagnostics = List.copyOf(diagnostics);
  }
}
