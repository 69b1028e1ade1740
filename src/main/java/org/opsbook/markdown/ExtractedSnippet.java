package org.opsbook.markdown;

import java.util.List;
import java.util.Objects;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;

/**
 * A fenced block found in a document: the snippet the checkers see and the problems reading its
 * info string. Its place in {@link MarkdownDocument#snippets()} is how the renderer finds it again.
 */
public record ExtractedSnippet(Snippet snippet, List<Diagnostic> problems) {
  public ExtractedSnippet {
    Objects.requireNonNull(snippet);
    problems = List.copyOf(problems);
  }

  public boolean isTestBlock() {
    return snippet.language().equals("test");
  }
}
