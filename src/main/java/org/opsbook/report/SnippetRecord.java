package org.opsbook.report;

import java.util.List;
import java.util.Objects;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * One snippet as a report sees it: where its fence is, its language, whether a checker read it,
 * and the diagnostics that count against it (after {@code ignore=} and {@code expect=}).
 */
public record SnippetRecord(SourceSpan fence, String language, boolean checked, List<Diagnostic> diagnostics) {
  public SnippetRecord {
    Objects.requireNonNull(fence);
    Objects.requireNonNull(language);
    diagnostics = List.copyOf(diagnostics);
  }
}
