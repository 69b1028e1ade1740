package org.opsbook.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import java.util.List;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;

/**
 * A fenced block found in a document: the node it came from (to render it in place), the snippet
 * the checkers see, and problems reading its info string.
 */
public record ExtractedSnippet(FencedCodeBlock node, Snippet snippet, List<Diagnostic> problems) {
  public ExtractedSnippet {
    problems = List.copyOf(problems);
  }

  public boolean isTestBlock() {
    return snippet.language().equals("test");
  }
}
