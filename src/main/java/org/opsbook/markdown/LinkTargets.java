package org.opsbook.markdown;

import java.util.Optional;
import org.opsbook.content.SiteIndex;

/**
 * Where the links of a document lead: a site index, or one that records what was asked so an
 * incremental build knows which facts of the index an article depends on. Thread-safe when the
 * index it wraps is.
 */
@FunctionalInterface
public interface LinkTargets {
  /**
   * Resolves a link written in a Markdown file.
   *
   * @param fromRelPath the content-relative path of the file, such as {@code articles/x/index.md}
   * @param href the link as written, unescaped
   * @return empty for links the site does not own (external URLs, in-page anchors)
   */
  Optional<SiteIndex.Target> resolve(String fromRelPath, String href);
}
