package org.opsbook.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.CoreRules;
import org.opsbook.content.Article;
import org.opsbook.content.ContentLoader;
import org.opsbook.content.ContentTree;
import org.opsbook.content.ProjectBoundary;
import org.opsbook.content.SiteIndex;
import org.opsbook.content.SourceFile;
import org.opsbook.content.Utf8Text;
import org.opsbook.maintenance.MaintenanceBuilder;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.maintenance.MaintenanceSettings;
import org.opsbook.maintenance.SiteMarkdown;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;
import org.opsbook.markdown.MarkdownPipeline;
import org.opsbook.publish.BuildMarker;
import org.opsbook.publish.OutputTree;
import org.opsbook.publish.SiteOutput;
import org.opsbook.report.Report;
import org.opsbook.report.SnippetRecord;
import org.opsbook.report.TestBlockRecord;
import org.opsbook.theme.AssetCatalog;
import org.opsbook.theme.PageRenderer;
import org.opsbook.theme.Theme;
import org.opsbook.theme.ThemeException;

/**
 * Runs the stages in order: load configuration and content, process every article in parallel
 * (parse, check, test, render the body), assemble and write the site into a staging folder, and
 * swap it into place only when nothing failed. One instance may run many builds (the preview
 * server does); it keeps no state between them but its checker registry and Markdown setup.
 */
public final class Build {
  private final CheckerRegistry registry;
  private final MarkdownPipeline markdown;
  private final int threads;

  public Build(CheckerRegistry registry) {
    this(registry, Runtime.getRuntime().availableProcessors());
  }

  public Build(CheckerRegistry registry, int threads) {
    this.registry = registry;
    this.markdown = new MarkdownPipeline();
    this.threads = threads;
  }

  public CheckerRegistry registry() {
    return registry;
  }

  /** Loads {@code opsbook.yaml} with the command line's overrides. */
  public SiteConfig loadConfig(BuildOptions options) throws ConfigException {
    Optional<java.nio.file.Path> outside = ProjectBoundary.escape(options.configFile(), options.projectRoot());
    if (outside.isPresent()) {
      throw new ConfigException(CoreRules.diagnostic(CoreRules.SYMLINK,
          new SourceSpan(displayName(options, options.configFile()), 1, 1),
          "is a symbolic link to " + outside.get() + ", outside the project; it is not read",
          "replace the link with the configuration file itself"));
    }
    SiteConfig config = new ConfigLoader().load(options.configFile(), displayName(options, options.configFile()));
    return options.baseUrl() == null ? config : config.withBaseUrl(options.baseUrl());
  }

  /**
   * Builds the site.
   *
   * @throws ConfigException for problems that stop the build before or outside the content:
   *     configuration, theme, templates, I/O (exit code 2)
   */
  public BuildResult run(BuildOptions options) throws ConfigException {
    return run(options, null, null);
  }

  /**
   * Builds the site with what an earlier build left in {@code cache}, writing into {@code output}
   * instead of the output folder. Used by the preview server: an edit redoes only the articles it
   * touched and the pages that show them.
   *
   * @param cache kept between builds, or {@code null}
   * @param output where to write, or {@code null} for the output folder (staged, swapped in on success)
   */
  public BuildResult run(BuildOptions options, BuildCache cache, SiteOutput output) throws ConfigException {
    long start = System.nanoTime();
    if (options.write() && output == null) {
      OutputFolders.requireSafe(options);
    }
    SiteConfig config = loadConfig(options);
    ContentTree tree = loadContent(options);
    SiteIndex index = SiteIndex.of(tree);
    // Checks that depend on time (key expiry) see one instant per build: SOURCE_DATE_EPOCH when set.
    java.time.Instant now = MaintenanceSettings.sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH"))
        .orElseGet(java.time.Instant::now);
    ArticleProcessor processor = new ArticleProcessor(markdown, registry, config, index, options.drafts(), now);

    try (ParallelRunner runner = new ParallelRunner(threads)) {
      AtomicInteger reprocessed = new AtomicInteger();
      List<Callable<ProcessedArticle>> jobs = new ArrayList<>();
      for (Article a : tree.articles()) {
        jobs.add(() -> {
          if (cache == null) {
            reprocessed.incrementAndGet();
            return processor.process(a);
          }
          String text;
          try {
            text = Files.readString(a.source().path(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            reprocessed.incrementAndGet();
            return processor.process(a);
          }
          String rel = a.source().relPath();
          Optional<ProcessedArticle> hit = cache.processed(rel, text, index, config, options.drafts());
          if (hit.isPresent() && hit.get().article().equals(a)) {
            return hit.get();
          }
          reprocessed.incrementAndGet();
          ProcessedArticle p = processor.process(a, text);
          cache.putProcessed(rel, text, index, config, options.drafts(), p);
          return p;
        });
      }
      List<ProcessedArticle> processed = runner.map(jobs);
      long processedAt = System.nanoTime();
      List<ProcessedArticle> published = new ArrayList<>();
      List<Diagnostic> diagnostics = new ArrayList<>();
      List<SnippetRecord> snippets = new ArrayList<>();
      List<TestBlockRecord> tests = new ArrayList<>();
      for (ProcessedArticle p : processed) {
        // A draft's problems do not fail a build that leaves the draft out.
        if (p.isDraft() && !options.drafts()) {
          continue;
        }
        diagnostics.addAll(p.diagnostics());
        snippets.addAll(p.snippets());
        tests.addAll(p.tests());
        if (p.isPublishable()) {
          published.add(p);
        }
      }
      diagnostics.addAll(tree.problems());
      Theme theme = Theme.load(options.projectRoot(), config.theme());
      List<MaintenanceResult> maintenance = buildMaintenance(options, config, theme, tree, runner);
      maintenance.forEach(m -> diagnostics.addAll(m.diagnostics()));
      AssetCatalog assets = AssetCatalog.load(theme);
      diagnostics.addAll(UrlClaims.collisions(registry, published, tree.staticFiles(), maintenance, assets));
      Report report = new Report(diagnostics, snippets, tests, registry.rules());
      boolean failed = options.policy().judge(report).fails();
      if (!options.write()) {
        return new BuildResult(report, processed, false, 0, 0, reprocessed.get(), Duration.ofNanos(System.nanoTime() - start));
      }
      PageRenderer renderer = new PageRenderer(theme, assets, config.basePath());
      SiteAssembler assembler = new SiteAssembler(config, renderer, assets, registry, markdown, runner,
          cache == null ? null : cache.forTheme(theme.fingerprint(assets)));
      if (output != null) {
        assembler.write(published, tree.staticFiles(), output);
        writeMaintenance(maintenance, output);
        return new BuildResult(report, processed, !failed, 0, 0, reprocessed.get(), Duration.ofNanos(System.nanoTime() - start));
      }
      try (OutputTree out = OutputTree.create(options.outputDir())) {
        // Even a failing build renders everything, so template errors surface together with
        // snippet errors; only the final swap depends on success.
        assembler.write(published, tree.staticFiles(), out);
        writeMaintenance(maintenance, out);
        if (failed) {
          out.discard();
          return new BuildResult(report, processed, false, 0, 0, reprocessed.get(), Duration.ofNanos(System.nanoTime() - start));
        }
        // The marker tells 'opsbook publish' that this tree came from a build that passed.
        out.write(BuildMarker.FILE_NAME, BuildMarker.json(report, options.policy(), options.drafts()));
        long files = out.fileCount();
        if (System.getenv("OPSBOOK_TIMING") != null) {
          System.err.printf(java.util.Locale.ROOT, "timing: process %d ms, assemble+write %d ms%n",
              (processedAt - start) / 1_000_000, (System.nanoTime() - processedAt) / 1_000_000);
        }
        long bytes = out.byteCount();
        out.commit();
        return new BuildResult(report, processed, true, files, bytes, reprocessed.get(), Duration.ofNanos(System.nanoTime() - start));
      }
    } catch (ThemeException e) {
      throw new ConfigException(CoreRules.diagnostic(CoreRules.TEMPLATE,
          new SourceSpan(e.file(), e.line(), 1), e.getMessage(), "fix the template; the theme lookup order is in the README"));
    } catch (IOException e) {
      throw new ConfigException(CoreRules.diagnostic(CoreRules.IO,
          new SourceSpan(displayName(options, options.outputDir()), 1, 1), "cannot write the site: " + e.getMessage(),
          "check that the output folder's parent exists and is writable"));
    }
  }

  /**
   * Builds every page in {@code content/maintenance/} in memory: self-contained HTML plus the
   * server configs, in parallel, each depending only on its own source and the theme.
   */
  private List<MaintenanceResult> buildMaintenance(BuildOptions options, SiteConfig config, Theme theme, ContentTree tree,
      ParallelRunner runner) throws IOException, ThemeException {
    if (tree.maintenancePages().isEmpty()) {
      return List.of();
    }
    MaintenanceSettings settings = MaintenanceSettings.of(options.projectRoot(), options.contentDir(),
        options.contentDisplay(), config, theme, MaintenanceSettings.sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH")));
    MaintenanceBuilder builder = new MaintenanceBuilder(settings, new SiteMarkdown(markdown), registry);
    List<Callable<MaintenanceResult>> jobs = new ArrayList<>();
    for (SourceFile page : tree.maintenancePages()) {
      String file = page.path().getFileName().toString();
      String name = file.substring(0, file.length() - ".md".length());
      jobs.add(() -> {
        try {
          return builder.build(name, page.displayPath(), Utf8Text.read(page.path()));
        } catch (Utf8Text.InvalidUtf8Exception e) {
          return new MaintenanceResult(name, Map.of(), List.of(e.diagnostic(page.displayPath())), 0,
              org.opsbook.maintenance.servers.HaproxyConfig.DEFAULT_BUFSIZE);
        }
      });
    }
    return runner.map(jobs);
  }

  private static void writeMaintenance(List<MaintenanceResult> results, SiteOutput out) throws IOException {
    for (MaintenanceResult r : results) {
      if (r.hasErrors()) {
        continue;
      }
      for (Map.Entry<String, byte[]> f : r.files().entrySet()) {
        out.write(MaintenanceBuilder.FOLDER + "/" + r.name() + "/" + f.getKey(), f.getValue());
      }
    }
  }

  private static ContentTree loadContent(BuildOptions options) throws ConfigException {
    if (!java.nio.file.Files.isDirectory(options.contentDir())) {
      throw new ConfigException(CoreRules.diagnostic(CoreRules.IO, new SourceSpan(options.contentDisplay(), 1, 1),
          "the content folder does not exist", "create it, or name another with --source DIR"));
    }
    try {
      return new ContentLoader(options.contentDir(), options.contentDisplay()).load();
    } catch (IOException e) {
      throw new ConfigException(CoreRules.diagnostic(CoreRules.IO, new SourceSpan(options.contentDisplay(), 1, 1),
          "cannot read the content folder: " + e.getMessage(), null));
    }
  }

  private static String displayName(BuildOptions options, java.nio.file.Path file) {
    java.nio.file.Path root = options.projectRoot().toAbsolutePath().normalize();
    java.nio.file.Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : file.toString();
  }
}
