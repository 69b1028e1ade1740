package org.opsbook.maintenance.inline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * Collects what could not be inlined, as diagnostics at the file that holds the reference: the
 * stylesheet for a {@code url()}, the template for an element of the page.
 */
final class InlineProblems {
  static final String RULE = "maintenance.not-inlinable";
  private final String pageFile;
  private final Function<Path, String> displayPath;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /**
   * @param pageFile where page-level problems are reported (the template)
   * @param displayPath turns an asset path into the project-relative path used in diagnostics
   */
  InlineProblems(String pageFile, Function<Path, String> displayPath) {
    this.pageFile = pageFile;
    this.displayPath = displayPath;
  }

  void add(Path file, int line, String message, String hint) {
    String where = file == null ? pageFile : displayPath.apply(file);
    diagnostics.add(Diagnostic.error(new SourceSpan(where, Math.max(1, line), 1), RULE, message).withHint(hint));
  }

  void addToPage(String message, String hint) {
    add(null, 1, message, hint);
  }

  List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
