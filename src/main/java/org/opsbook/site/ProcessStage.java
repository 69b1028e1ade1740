package org.opsbook.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.CoreRules;
import org.opsbook.content.Article;
import org.opsbook.content.SourceFile;
import org.opsbook.content.Utf8Text;
import org.opsbook.diag.SourceSpan;
import org.opsbook.maintenance.MaintenanceBuilder;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.maintenance.MaintenanceSettings;
import org.opsbook.maintenance.servers.HaproxyConfig;
import org.opsbook.maintenance.SiteMarkdown;
import org.opsbook.markdown.MarkdownPipeline;
import org.opsbook.theme.ThemeException;

/**
 * Stage 2, process: every article and page through {@link ArticleProcessor} (parse, check, test,
 * render the body) in parallel, and every maintenance page through its builder. With a {@link
 * ProcessMemory} of an earlier build, a source is read again only when the change set names it,
 * and processed again only when its text, the site-wide inputs or an index answer it used changed.
 */
final class ProcessStage {
  static final String NAME = "process";

  private final MarkdownPipeline markdown;
  private final CheckerRegistry registry;
  private final ParallelRunner runner;

  ProcessStage(MarkdownPipeline markdown, CheckerRegistry registry, ParallelRunner runner) {
    this.markdown = markdown;
    this.registry = registry;
    this.runner = runner;
  }

  /**
   * @param memory an earlier build's results to reuse and this build's to keep, or {@code null}
   * @param indexChanged whether the site index differs from the one {@code memory} was checked against
   * @param kept where bodies and search entries wait for the pages, or {@code null} when nothing
   *     will be written
   */
  ProcessedSite process(BuildOptions options, LoadedSite site, ProcessMemory memory, boolean indexChanged,
      KeptBytes.Store kept) throws IOException, ThemeException {
    List<Article> articles = site.tree().articles();
    ArticleProcessor processor = new ArticleProcessor(markdown, registry, site.config(), site.index(), options.drafts(),
        options.now(), kept);
    if (memory != null) {
      // Only the preview server remembers: a build would spell the whole configuration out for nothing.
      String maintenanceInputs = site.themeFingerprint() + "|" + site.config() + "|" + options.sourceDateEpoch();
      memory.begin(new ProcessMemory.SiteInputs(site.config(), options.drafts(), options.now(), kept != null),
          maintenanceInputs);
    }
    AtomicInteger reprocessed = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    int total = articles.size();
    // Articles the change set does not name are taken from memory here, in order; only the rest
    // become jobs for the workers.
    ProcessedArticle[] results = new ProcessedArticle[total];
    // Maintenance pages go first: each is long (inlining, server configs), and the articles'
    // jobs fill the other workers meanwhile.
    MaintenanceResult[] maintenance = new MaintenanceResult[site.tree().maintenancePages().size()];
    List<Callable<Void>> jobs = new ArrayList<>(maintenanceJobs(options, site, memory, maintenance));
    for (int i = 0; i < total; i++) {
      Article a = articles.get(i);
      if (memory != null && !site.changed(a.source().relPath())) {
        Optional<ProcessedArticle> hit = memory.unchanged(a, site.index(), indexChanged);
        if (hit.isPresent()) {
          results[i] = hit.get();
          done.incrementAndGet();
          continue;
        }
      }
      int at = i;
      jobs.add(() -> {
        results[at] = processOne(a, site, memory, indexChanged, processor, reprocessed);
        options.listener().articlesProcessed(done.incrementAndGet(), total);
        return null;
      });
    }
    runner.runAll(jobs);
    List<ProcessedArticle> processed = List.of(results);
    if (memory != null) {
      memory.retain(site.tree());
    }
    return new ProcessedSite(processed, List.of(maintenance), reprocessed.get());
  }

  private static ProcessedArticle processOne(Article a, LoadedSite site, ProcessMemory memory, boolean indexChanged,
      ArticleProcessor processor, AtomicInteger reprocessed) {
    String text;
    try {
      text = Utf8Text.read(a.source().path());
    } catch (Utf8Text.InvalidUtf8Exception e) {
      reprocessed.incrementAndGet();
      return ArticleProcessor.unreadable(a, e.diagnostic(a.source().displayPath()));
    } catch (IOException e) {
      reprocessed.incrementAndGet();
      return ArticleProcessor.unreadable(a, CoreRules.diagnostic(CoreRules.IO,
          new SourceSpan(a.source().displayPath(), 1, 1), "cannot read: " + e.getMessage(), null));
    }
    String digest = memory == null ? "" : digest(text);
    if (memory != null) {
      Optional<ProcessedArticle> hit = memory.reuse(a, digest, site.index(), indexChanged);
      if (hit.isPresent()) {
        return hit.get();
      }
    }
    reprocessed.incrementAndGet();
    ProcessedArticle p = processor.process(a, text);
    if (memory != null) {
      memory.remember(digest, p);
    }
    return p;
  }

  /**
   * Jobs that build every page in {@code content/maintenance/} in memory: self-contained HTML plus
   * the server configs, each depending only on its own source, the theme and the configuration.
   *
   * @param results where each job puts its page's result, in the tree's order
   */
  private List<Callable<Void>> maintenanceJobs(BuildOptions options, LoadedSite site, ProcessMemory memory,
      MaintenanceResult[] results) {
    List<SourceFile> pages = site.tree().maintenancePages();
    if (pages.isEmpty()) {
      return List.of();
    }
    MaintenanceSettings settings = MaintenanceSettings.of(options.projectRoot(), options.contentDir(),
        options.contentDisplay(), site.config(), site.theme(), options.sourceDateEpoch());
    MaintenanceBuilder builder = new MaintenanceBuilder(settings, new SiteMarkdown(markdown), registry);
    List<Callable<Void>> jobs = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      SourceFile page = pages.get(i);
      String name = MaintenanceBuilder.pageName(page.path());
      int at = i;
      jobs.add(() -> {
        results[at] = maintenancePage(builder, name, page, site, memory);
        return null;
      });
    }
    return jobs;
  }

  private static MaintenanceResult maintenancePage(MaintenanceBuilder builder, String name, SourceFile page,
      LoadedSite site, ProcessMemory memory) throws IOException {
    if (memory != null && !site.changed(page.relPath())) {
      Optional<MaintenanceResult> hit = memory.unchangedMaintenance(page.relPath());
      if (hit.isPresent()) {
        return hit.get();
      }
    }
    String text;
    try {
      text = Utf8Text.read(page.path());
    } catch (Utf8Text.InvalidUtf8Exception e) {
      return new MaintenanceResult(name, Map.of(), List.of(e.diagnostic(page.displayPath())), 0,
          HaproxyConfig.DEFAULT_BUFSIZE);
    }
    String digest = memory == null ? "" : digest(text);
    if (memory != null) {
      Optional<MaintenanceResult> hit = memory.maintenance(page.relPath(), digest);
      if (hit.isPresent()) {
        return hit.get();
      }
    }
    MaintenanceResult result = builder.build(name, page.displayPath(), text);
    if (memory != null) {
      memory.rememberMaintenance(page.relPath(), digest, result);
    }
    return result;
  }

  static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
