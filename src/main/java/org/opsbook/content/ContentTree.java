package org.opsbook.content;

import java.util.List;

/**
 * What the content folder holds, sorted by path.
 *
 * @param articles {@code articles/<slug>/index.md} and standalone pages
 * @param staticFiles other files outside article folders, copied as they are (relative paths)
 * @param maintenancePages Markdown files below {@code maintenance/}
 */
public record ContentTree(List<Article> articles, List<SourceFile> staticFiles, List<SourceFile> maintenancePages) {
  public ContentTree {
    articles = List.copyOf(articles);
    staticFiles = List.copyOf(staticFiles);
    maintenancePages = List.copyOf(maintenancePages);
  }
}
