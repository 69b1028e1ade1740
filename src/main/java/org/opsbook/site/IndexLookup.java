package org.opsbook.site;

import java.util.Objects;
import org.opsbook.content.SiteIndex;

/**
 * One question an article asked the site index while it was processed, and the answer: a link
 * resolved to a page or file, or found to lead nowhere. An incremental build asks again after
 * pages or files come and go, and processes the article again only when an answer changed.
 *
 * @param href the link as written
 * @param target where it led
 */
public record IndexLookup(String href, SiteIndex.Target target) {
  public IndexLookup {
    Objects.requireNonNull(href);
    Objects.requireNonNull(target);
  }

  /** Whether {@code index} still answers the same for a link written in {@code fromRelPath}. */
  boolean holds(SiteIndex index, String fromRelPath) {
    return index.resolve(fromRelPath, href).map(target::equals).orElse(false);
  }
}
