package org.opsbook.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opsbook.config.ConfigException;
import org.opsbook.content.Article;
import org.opsbook.content.ContentTree;

/**
 * Builds of one project that reuse one another's work, as the preview server runs them. Each
 * rebuild is told what changed; it re-reads only those sources, processes again only the articles
 * whose inputs changed (their text, the site-wide settings, an answer from the site index), and
 * renders again only the pages whose models changed. The site lives in memory ({@link #files()}).
 * After a rebuild that failed, the next one reads every source again.
 *
 * <p>The clock ({@link BuildOptions#now()}) and the checkers are fixed for a session, so neither
 * makes a rebuild redo work. Rebuilds run one at a time.
 */
public final class SiteSession {
  /** What one build of the session produced. */
  record Step(LoadedSite site, SiteFiles files, BuildResult result) {}

  private final Build build;
  private final BuildOptions options;
  private final ProcessMemory processMemory = new ProcessMemory();
  private final PageMemory pages = PageMemory.keeping();
  private final UrlClaims.Memory claims = new UrlClaims.Memory();
  private LoadedSite last;
  private boolean stale = true;
  private volatile SiteFiles files = SiteFiles.EMPTY;
  private Map<String, String> sources = Map.of();
  private ContentTree sourcesOf;

  SiteSession(Build build, BuildOptions options) {
    this.build = build;
    this.options = options;
  }

  /**
   * Builds again after {@code changes} (the first rebuild reads everything whatever it is told).
   *
   * @throws ConfigException for what stops the build (configuration, theme, templates); the site
   *     of the last build that worked stays in {@link #files()}
   */
  public synchronized BuildResult rebuild(SourceChanges changes) throws ConfigException {
    return rebuild(changes, options);
  }

  private BuildResult rebuild(SourceChanges changes, BuildOptions options) throws ConfigException {
    SourceChanges effective = stale ? SourceChanges.EVERYTHING : changes;
    stale = true;
    Step step = build.step(options, last, effective, processMemory, pages, claims);
    last = step.site();
    files = step.files();
    if (step.site().tree() != sourcesOf) {
      Map<String, String> bySitePath = new HashMap<>();
      for (Article a : step.site().tree().articles()) {
        bySitePath.put(a.sitePath(), a.source().displayPath());
      }
      sources = Map.copyOf(bySitePath);
      sourcesOf = step.site().tree();
    }
    stale = false;
    return step.result();
  }

  /**
   * Rebuilds with nothing changed (articles named as changed, read again and found the same), a
   * few times, so that the JIT compiles what a rebuild runs once
   * per article (the walks over the site that keep the pages nothing changed) before the first
   * edit, rather than during it. Stops after {@code rounds}, or once the time budget is spent.
   * Nothing changes: each such rebuild keeps every page. A build that fails stops it.
   */
  public synchronized void warmUp(int rounds, java.time.Duration budget) {
    long end = System.nanoTime() + budget.toNanos();
    for (int i = 0; i < rounds && !stale && last != null && System.nanoTime() < end; i++) {
      // As after a save of an article that did not change: its folder is listed and its file read
      // again, and found the same.
      List<Article> articles = last.tree().articles();
      List<java.nio.file.Path> touched = articles.isEmpty() ? List.of() : List.of(articles.get(i % articles.size()).source().path());
      try {
        // Quietly: stage timings and progress are for the builds a person asked for.
        rebuild(SourceChanges.of(touched), options.withListener(BuildListener.NONE));
      } catch (ConfigException e) {
        return;
      }
    }
  }

  /** The site of the last build that produced one; empty before the first. */
  public SiteFiles files() {
    return files;
  }

  /**
   * The source file of every article and page of the last build, by site path ({@code articles/x/}),
   * as diagnostics name it; made again only when the content listing changed.
   */
  public synchronized Map<String, String> sources() {
    return sources;
  }

  public BuildOptions options() {
    return options;
  }
}
