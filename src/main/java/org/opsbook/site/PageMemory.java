package org.opsbook.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opsbook.config.SiteConfig;
import org.opsbook.theme.AssetCatalogue;
import org.opsbook.theme.PageRenderer;
import org.opsbook.theme.Theme;

/**
 * The pages of the last build with what each was made from, so the next build renders again only
 * the pages whose inputs differ. A page's key is a value that determines its bytes under one theme:
 * the template and the very model it was rendered with, or the processed article and its
 * neighbours' summaries. A theme change forgets every page. Also keeps what is costly to set up
 * and the same from build to build: the compiled templates and the list summaries. Thread-safe.
 *
 * <p>A cold build uses {@link #none()}, which reuses and keeps nothing, so pages stream to disk.
 */
final class PageMemory {
  private record Entry(Object key, byte[] bytes) {}

  private final boolean keep;
  private final Map<String, Entry> pages = new ConcurrentHashMap<>();
  /** The paths put or taken out since {@link #files()} last made the site. */
  private final Set<String> touched = ConcurrentHashMap.newKeySet();
  private SiteFiles site = SiteFiles.EMPTY;
  /** The files each article shows as, by article (compared by identity); see {@link #ownFiles}. */
  private final Map<ProcessedArticle, List<String>> ownFiles = new java.util.IdentityHashMap<>();
  private final Map<String, String> explanations = new ConcurrentHashMap<>();
  private RuleExplanations prerenderedExplanations;
  private String themeKey = "";
  private PageRenderer renderer;
  private PageModels models;
  private List<String> lastOrder = List.of();
  private List<ProcessedArticle> lastSorted = List.of();
  /** Where each article stood in {@link #lastSorted}, by site path; null when two shared a path. */
  private Map<String, Integer> lastPositions;
  private final SearchIndexFile search;
  /** Whether the last {@link #begin} changed the theme or the configuration. */
  private boolean setupChanged = true;
  // What the last build's list pages (home, tags, archive, sitemap) were made from, and their files.
  private List<ProcessedArticle> listedFrom = List.of();
  private String listedHead;
  private Set<String> listedRuleCheckers = Set.of();
  private Set<String> listFiles = Set.of();

  private PageMemory(boolean keep) {
    this.keep = keep;
    this.search = new SearchIndexFile(keep);
  }

  /** Keeps every page of every build, as the preview server serves them. */
  static PageMemory keeping() {
    return new PageMemory(true);
  }

  /** Keeps nothing. */
  static PageMemory none() {
    return new PageMemory(false);
  }

  boolean keeps() {
    return keep;
  }

  /** Starts a build with this theme and configuration: the renderer and models to use. */
  synchronized void begin(Theme theme, AssetCatalogue assets, String fingerprint, SiteConfig config) {
    setupChanged = false;
    String key = fingerprint + "|" + config.basePath();
    if (renderer == null || !key.equals(themeKey)) {
      touched.addAll(pages.keySet());
      pages.clear();
      renderer = new PageRenderer(theme, assets, config.basePath());
      themeKey = key;
      setupChanged = true;
    }
    if (models == null || !models.config().equals(config)) {
      models = new PageModels(config);
      setupChanged = true;
    }
  }

  /**
   * The articles that changed since the last build when every list page it made would come out the
   * same: same theme and configuration, same git history, the same checkers with rule pages (the
   * sitemap lists them), the same articles in the same order, and each changed one the same as
   * lists show it ({@code sameListing}). Null when a list page may differ, and always for a memory
   * that keeps nothing.
   *
   * @param published this build's articles and pages, in the order of the last build's
   */
  synchronized Set<ProcessedArticle> changedWithSameLists(List<ProcessedArticle> published, String gitHead,
      Set<String> ruleCheckers, java.util.function.BiPredicate<ProcessedArticle, ProcessedArticle> sameListing) {
    if (!keep || setupChanged || published.size() != listedFrom.size() || !java.util.Objects.equals(gitHead, listedHead)
        || !ruleCheckers.equals(listedRuleCheckers)) {
      return null;
    }
    Set<ProcessedArticle> changed = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int i = 0; i < published.size(); i++) {
      ProcessedArticle now = published.get(i);
      ProcessedArticle was = listedFrom.get(i);
      if (now != was) {
        if (!sameListing.test(now, was)) {
          return null;
        }
        changed.add(now);
      }
    }
    return changed;
  }

  /** The files of the list pages, as the last build wrote them. */
  synchronized Set<String> listFiles() {
    return listFiles;
  }

  /** Remembers what this build's list pages were made from; see {@link #changedWithSameLists}. */
  synchronized void listed(List<ProcessedArticle> published, String gitHead, Set<String> ruleCheckers, Set<String> files) {
    if (keep) {
      listedFrom = List.copyOf(published);
      listedHead = gitHead;
      listedRuleCheckers = Set.copyOf(ruleCheckers);
      listFiles = Set.copyOf(files);
    }
  }

  PageRenderer renderer() {
    return renderer;
  }

  PageModels models() {
    return models;
  }

  /** The bytes of the page at {@code path} when it was made from an equal key; else null. */
  byte[] reuse(String path, Object key) {
    if (!keep) {
      return null;
    }
    Entry e = pages.get(path);
    return e != null && e.key().equals(key) ? e.bytes() : null;
  }

  /**
   * The site paths of an article's own files: its page first, then its images and downloads. A
   * preview session keeps them from build to build, so a rebuild that keeps a page does not make
   * its paths again (nor hash new strings) for each of thousands of articles.
   */
  synchronized List<String> ownFiles(ProcessedArticle a) {
    List<String> files = keep ? ownFiles.get(a) : null;
    if (files == null) {
      List<String> made = new ArrayList<>();
      made.add(a.article().sitePath() + "index.html");
      for (String asset : a.article().assets()) {
        made.add(a.article().sitePath() + asset);
      }
      for (OutputFile f : a.extraFiles()) {
        made.add(f.sitePath());
      }
      files = List.copyOf(made);
      if (keep) {
        ownFiles.put(a, files);
      }
    }
    return files;
  }

  /** How many files are kept. */
  int size() {
    return pages.size();
  }

  /** Whether a page is kept at this path, whatever it was made from. */
  boolean has(String path) {
    return pages.containsKey(path);
  }

  void remember(String path, Object key, byte[] bytes) {
    if (keep) {
      pages.put(path, new Entry(key, bytes));
      touched.add(path);
    }
  }

  /**
   * The articles newest first. A preview session starts from the last build's order, so that
   * sorting only has to place the few articles whose dates changed; when no article changed what
   * a list shows ({@code sameLists}, from {@link #changedWithSameLists}), dates and paths included,
   * the order is the last one with the changed articles put in their places, and nothing is sorted.
   */
  synchronized List<ProcessedArticle> newestFirst(List<ProcessedArticle> articles, Comparator<ProcessedArticle> order,
      Set<ProcessedArticle> sameLists) {
    if (keep && sameLists != null && lastPositions != null && lastSorted.size() == articles.size()) {
      List<ProcessedArticle> sorted = new ArrayList<>(lastSorted);
      for (ProcessedArticle a : sameLists) {
        Integer at = a.article().kind() == org.opsbook.content.Kind.ARTICLE ? lastPositions.get(a.article().sitePath())
            : null;
        if (at != null) {
          sorted.set(at, a);
        }
      }
      lastSorted = List.copyOf(sorted);
      return lastSorted;
    }
    List<ProcessedArticle> sorted;
    if (!keep || lastOrder.isEmpty()) {
      sorted = new ArrayList<>(articles);
    } else {
      Map<String, ProcessedArticle> bySite = new HashMap<>(articles.size() * 2);
      for (ProcessedArticle a : articles) {
        bySite.put(a.article().sitePath(), a);
      }
      sorted = new ArrayList<>(articles.size());
      for (String sitePath : lastOrder) {
        ProcessedArticle a = bySite.remove(sitePath);
        if (a != null) {
          sorted.add(a);
        }
      }
      sorted.addAll(bySite.values());
    }
    sorted.sort(order);
    List<ProcessedArticle> result = List.copyOf(sorted);
    if (keep) {
      List<String> paths = new ArrayList<>(sorted.size());
      Map<String, Integer> positions = new HashMap<>(sorted.size() * 2);
      for (ProcessedArticle a : sorted) {
        positions.put(a.article().sitePath(), paths.size());
        paths.add(a.article().sitePath());
      }
      lastOrder = paths;
      lastSorted = result;
      // A failing build may have two articles at one path; then no place is certain.
      lastPositions = positions.size() == paths.size() ? positions : null;
    }
    return result;
  }

  /** The search index, which a preview session updates by the articles that changed. */
  SearchIndexFile searchIndex() {
    return search;
  }

  /** A rule's explanation as HTML, made once per session. */
  String explanation(String ruleId, java.util.function.Supplier<String> render) {
    return explanations.computeIfAbsent(ruleId, k -> render.get());
  }

  /** The explanations rendered when opsbook was built, read once per session. */
  synchronized RuleExplanations prerenderedExplanations() {
    if (prerenderedExplanations == null) {
      prerenderedExplanations = RuleExplanations.prerendered();
    }
    return prerenderedExplanations;
  }

  /** Forgets pages the last build did not make, and summaries of articles it did not show. */
  void retain(Set<String> paths, Set<ProcessedArticle> articles) {
    // Every path of the build is kept by now, so equal sizes mean there is nothing to forget.
    if (pages.size() != paths.size()) {
      for (String path : pages.keySet()) {
        if (!paths.contains(path)) {
          pages.remove(path);
          touched.add(path);
        }
      }
    }
    models.retainSummaries(articles);
    synchronized (this) {
      if (ownFiles.size() > articles.size()) {
        ownFiles.keySet().retainAll(articles);
      }
    }
  }

  /** Every page kept, by site path: the site as the last build made it. */
  synchronized SiteFiles files() {
    Map<String, byte[]> changed = new HashMap<>();
    for (String path : touched) {
      Entry e = pages.get(path);
      changed.put(path, e == null ? null : e.bytes());
    }
    touched.clear();
    site = site.with(changed);
    return site;
  }
}
