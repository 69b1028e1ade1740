package org.opsbook.site;

import org.opsbook.config.SiteConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opsbook.content.SiteIndex;

/**
 * What a long-running process (the preview server) keeps between builds so that a change redoes
 * only what it affects: an article is processed again only when its text, the site index or the
 * configuration changed, and its page is rendered again only when it or its neighbours changed.
 * Thread-safe.
 */
public final class BuildCache {
  private record ArticleKey(String text, SiteIndex index, SiteConfig config, boolean drafts) {}

  private record PageKey(ProcessedArticle article, ProcessedArticle newer, ProcessedArticle older) {}

  private record Processed(ArticleKey key, ProcessedArticle article) {}

  private record Page(PageKey key, String html) {}

  private final Map<String, Processed> processed = new ConcurrentHashMap<>();
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private volatile String themeFingerprint = "";

  /**
   * This cache for a build with the theme of this fingerprint: a template or asset edit drops
   * every rendered page, since any page may show it.
   */
  BuildCache forTheme(String fingerprint) {
    if (!fingerprint.equals(themeFingerprint)) {
      pages.clear();
      themeFingerprint = fingerprint;
    }
    return this;
  }

  Optional<ProcessedArticle> processed(String relPath, String text, SiteIndex index, SiteConfig config, boolean drafts) {
    Processed p = processed.get(relPath);
    if (p != null && p.key().equals(new ArticleKey(text, index, config, drafts))) {
      return Optional.of(p.article());
    }
    return Optional.empty();
  }

  void putProcessed(String relPath, String text, SiteIndex index, SiteConfig config, boolean drafts, ProcessedArticle a) {
    processed.put(relPath, new Processed(new ArticleKey(text, index, config, drafts), a));
  }

  /** The rendered page, when the article and its neighbours are the very objects it was rendered from. */
  Optional<String> page(String relPath, ProcessedArticle a, ProcessedArticle newer, ProcessedArticle older) {
    Page p = pages.get(relPath);
    if (p != null && p.key().article() == a && p.key().newer() == newer && p.key().older() == older) {
      return Optional.of(p.html());
    }
    return Optional.empty();
  }

  void putPage(String relPath, ProcessedArticle a, ProcessedArticle newer, ProcessedArticle older, String html) {
    pages.put(relPath, new Page(new PageKey(a, newer, older), Objects.requireNonNull(html)));
  }
}
