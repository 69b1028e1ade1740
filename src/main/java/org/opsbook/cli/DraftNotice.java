package org.opsbook.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opsbook.diag.Diagnostic;
import org.opsbook.site.ProcessedArticle;

/**
 * Says which drafts a build or check left out, so none is skipped without a word: {@code 2 drafts
 * not built (use --drafts)}, then one line per draft, with its error count when it has errors (the
 * drafts are checked all the same; their findings just do not count against the build).
 */
final class DraftNotice {
  private DraftNotice() {}

  /** The notice, or empty when no draft was left out. */
  static Optional<String> of(List<ProcessedArticle> articles, boolean draftsBuilt) {
    if (draftsBuilt) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    for (ProcessedArticle a : articles) {
      if (!a.isDraft()) {
        continue;
      }
      long errors = a.diagnostics().stream().filter(Diagnostic::isError).count();
      lines.add("  " + a.article().source().displayPath()
          + (errors == 0 ? "" : " (" + errors + (errors == 1 ? " error)" : " errors)")));
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String head = lines.size() + (lines.size() == 1 ? " draft" : " drafts") + " not built (use --drafts):";
    return Optional.of(head + "\n" + String.join("\n", lines));
  }
}
