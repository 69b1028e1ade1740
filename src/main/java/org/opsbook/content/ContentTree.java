package org.opsbook.content;

import java.util.List;
import org.opsbook.diag.Diagnostic;

/**
 * What the content folder holds, sorted by path.
 *
 * @param articles {@code articles/<slug>/index.md} and standalone pages
 * @param staticFiles other files outside article folders, copied as they are (relative paths)
 * @param maintenancePages Markdown files below {@code maintenance/}
 * @param problems what could not be listed: unreadable folders, symbolic links that lead out
 */
public record ContentTree(List<Article> articles, List<SourceFile> staticFiles, List<SourceFile> maintenancePages,
    List<Diagnostic> problems) {
  public ContentTree {
    articles = List.copyOf(articles);
    staticFiles = List.copyOf(staticFiles);
    maintenancePages = List.copyOf(maintenancePages);
    problems = List.copyOf(problems);
  }

  public ContentTree(List<Article> articles, List<SourceFile> staticFiles, List<SourceFile> maintenancePages) {
    this(articles, staticFiles, maintenancePages, List.of());
  }
}
