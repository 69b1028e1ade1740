package org.opsbook.site;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opsbook.config.SiteConfig;
import org.opsbook.content.Article;
import org.opsbook.content.ContentTree;
import org.opsbook.content.SiteIndex;
import org.opsbook.maintenance.MaintenanceResult;

/**
 * What a preview session keeps of its processed articles, with what each depended on: its text
 * (by digest), the site-wide inputs (configuration, drafts, clock, checkers), and the answers it
 * got from the site index. Thread-safe.
 */
final class ProcessMemory {
  /** The inputs every article shares; when one differs, nothing earlier can be reused. */
  record SiteInputs(SiteConfig config, boolean drafts, Instant now, boolean rendered) {}

  private record Entry(String digest, ProcessedArticle article) {}

  private record Page(String digest, MaintenanceResult result) {}

  private final Map<String, Entry> articles = new ConcurrentHashMap<>();
  private final Map<String, Page> maintenance = new ConcurrentHashMap<>();
  private volatile SiteInputs inputs;
  private volatile String maintenanceInputs = "";
  /** The content tree {@link #retain} last forgot against. */
  private volatile ContentTree retainedFor;

  /** Starts a build with these site-wide inputs; forgets everything when they differ from the last. */
  void begin(SiteInputs next, String nextMaintenanceInputs) {
    if (!next.equals(inputs)) {
      articles.clear();
      inputs = next;
    }
    if (!nextMaintenanceInputs.equals(maintenanceInputs)) {
      maintenance.clear();
      maintenanceInputs = nextMaintenanceInputs;
    }
  }

  /**
   * The earlier result for this article, when its source is the same file with the same text
   * (by digest) and every index lookup it made still has the same answer.
   *
   * @param indexChanged whether the index differs from the one the entries were checked against
   */
  Optional<ProcessedArticle> reuse(Article article, String digest, SiteIndex index, boolean indexChanged) {
    Entry e = articles.get(article.source().relPath());
    if (e == null || !e.digest().equals(digest)
        || e.article().article() != article && !e.article().article().equals(article)) {
      return Optional.empty();
    }
    if (indexChanged) {
      for (IndexLookup l : e.article().lookups()) {
        if (!l.holds(index, article.source().relPath())) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(e.article());
  }

  /** The earlier result for an article whose source did not change since the last build. */
  Optional<ProcessedArticle> unchanged(Article article, SiteIndex index, boolean indexChanged) {
    Entry e = articles.get(article.source().relPath());
    return e == null ? Optional.empty() : reuse(article, e.digest(), index, indexChanged);
  }

  void remember(String digest, ProcessedArticle article) {
    articles.put(article.article().source().relPath(), new Entry(Objects.requireNonNull(digest), article));
  }

  Optional<MaintenanceResult> maintenance(String relPath, String digest) {
    Page p = maintenance.get(relPath);
    return p != null && p.digest().equals(digest) ? Optional.of(p.result()) : Optional.empty();
  }

  Optional<MaintenanceResult> unchangedMaintenance(String relPath) {
    Page p = maintenance.get(relPath);
    return p == null ? Optional.empty() : Optional.of(p.result());
  }

  void rememberMaintenance(String relPath, String digest, MaintenanceResult result) {
    maintenance.put(relPath, new Page(digest, result));
  }

  /**
   * Forgets sources that are not in {@code tree}. A rebuild that listed no folder anew keeps the
   * very tree of the last one, and then nothing can be gone.
   */
  void retain(ContentTree tree) {
    if (tree == retainedFor) {
      return;
    }
    java.util.Set<String> paths = new java.util.HashSet<>();
    tree.articles().forEach(a -> paths.add(a.source().relPath()));
    java.util.Set<String> pages = new java.util.HashSet<>();
    tree.maintenancePages().forEach(f -> pages.add(f.relPath()));
    articles.keySet().retainAll(paths);
    maintenance.keySet().retainAll(pages);
    retainedFor = tree;
  }
}
