package org.opsbook.content;

import java.util.List;
import java.util.Objects;

/**
 * A Markdown source found in the content folder, before it is parsed.
 *
 * @param kind article or page
 * @param slug the last URL segment: the article's folder name, or the page's file name without
 *     {@code .md}
 * @param sitePath the page's path below the base URL, such as {@code articles/x/}
 * @param source the Markdown file
 * @param assets the other files of an article's folder (images, downloads), relative to it
 */
public record Article(Kind kind, String slug, String sitePath, SourceFile source, List<String> assets) {
  public Article {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(slug);
    Objects.requireNonNull(sitePath);
    Objects.requireNonNull(source);
    assets = List.copyOf(assets);
  }
}
