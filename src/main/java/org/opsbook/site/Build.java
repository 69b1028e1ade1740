package org.opsbook.site;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.config.ConfigException;
import org.opsbook.diag.Diagnostic;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.markdown.MarkdownPipeline;
import org.opsbook.publish.OutputFolderGuard;
import org.opsbook.publish.OutputTree;
import org.opsbook.publish.SiteOutput;
import org.opsbook.report.Report;
import org.opsbook.report.SnippetRecord;
import org.opsbook.report.TestBlockRecord;

/**
 * Runs the stages in order, each taking and returning plain records:
 *
 * <ol>
 *   <li>{@code load} ({@link LoadStage}): configuration, content tree and index, theme;
 *   <li>{@code process} ({@link ProcessStage}): every article parsed, checked, tested and its body
 *       rendered, in parallel; maintenance pages built;
 *   <li>{@code assemble} ({@link AssembleStage}): pages, lists, feeds and files made and handed
 *       to the output as they are made;
 *   <li>{@code write} ({@link WriteStage}): the staged output folder swapped into place only when
 *       nothing failed.
 * </ol>
 *
 * <p>Each stage names itself in failures and tells the options' {@link BuildListener} how long it
 * took. One instance may run many builds; it keeps no state between them but its checker registry
 * and Markdown setup. A {@link SiteSession} keeps what one build made for the next.
 */
public final class Build {
  /**
   * Above this many articles, a build keeps what waits for the pages in a {@link SpillFile}, so
   * memory grows slower than the site.
   */
  static final int SPILL_ABOVE = 20_000;

  private final CheckerRegistry registry;
  private final MarkdownPipeline markdown;
  private final int threads;
  private final int spillAbove;

  public Build(CheckerRegistry registry) {
    this(registry, Runtime.getRuntime().availableProcessors());
  }

  public Build(CheckerRegistry registry, int threads) {
    this(registry, threads, SPILL_ABOVE);
  }

  /** @param spillAbove above this many articles, a build spills (tests lower it) */
  Build(CheckerRegistry registry, int threads, int spillAbove) {
    this.registry = registry;
    this.markdown = new MarkdownPipeline();
    this.threads = threads;
    this.spillAbove = spillAbove;
  }

  public CheckerRegistry registry() {
    return registry;
  }

  /**
   * Builds the site from scratch: into the output folder, swapped in only when the build passes,
   * or nowhere when the options say not to write.
   *
   * @throws ConfigException for problems that stop the build before or outside the content:
   *     configuration, theme, templates, I/O (exit code 2)
   */
  public BuildResult run(BuildOptions options) throws ConfigException {
    return run(options, null);
  }

  /**
   * {@link #run(BuildOptions)}, with the output folder already checked by the caller, as the
   * command line does to name the folder as the user wrote it: walking a large site's folder a
   * second time cost a quarter of a second.
   */
  public BuildResult run(BuildOptions options, OutputFolderGuard.Approval approval) throws ConfigException {
    long start = System.nanoTime();
    if (options.write()) {
      OutputFolders.requireSafe(options, approval);
    }
    Stages stages = new Stages(options);
    try (ParallelRunner runner = new ParallelRunner(threads)) {
      LoadedSite site = stages.run(LoadStage.NAME, () -> new LoadStage(registry).load(options, null, SourceChanges.EVERYTHING),
          Build::describe);
      ProcessStage process = new ProcessStage(markdown, registry, runner);
      if (!options.write()) {
        ProcessedSite processed = stages.run(ProcessStage.NAME, () -> process.process(options, site, null, true, null),
            Build::describe);
        Verdict verdict = judge(options, site, processed, null);
        return result(verdict, processed, new WriteStage.Written(false, 0, 0, 0), 0, start);
      }
      OutputTree out = stages.run(WriteStage.NAME, () -> OutputTree.create(options.outputDir()), o -> "staging folder");
      try (out) {
        ProcessedSite processed;
        Verdict verdict;
        AssembleStage.AssembledSite assembled;
        // A large site's bodies and search entries wait for their pages in a spill file, which is
        // gone before the output is swapped in.
        try (SpillFile spill = site.tree().articles().size() > spillAbove ? SpillFile.in(out.stagingFolder()) : null) {
          processed = stages.run(ProcessStage.NAME,
              () -> process.process(options, site, null, true, spill == null ? KeptBytes.Store.MEMORY : spill),
              Build::describe);
          verdict = judge(options, site, processed, null);
          // Even a failing build renders everything, so template errors surface together with
          // snippet errors; only the final swap depends on success.
          assembled = stages.run(AssembleStage.NAME,
              () -> new AssembleStage(site, registry, markdown, runner, PageMemory.none(), out)
                  .assemble(verdict.published(), processed.maintenance()),
              Build::describe);
        }
        WriteStage.Written written = stages.run(WriteStage.NAME,
            () -> WriteStage.finish(out, verdict.report(), options, verdict.failed()), Build::describe);
        return result(verdict, processed, written, assembled.rendered(), start);
      } catch (IOException e) {
        throw stages.failure(WriteStage.NAME, e);
      }
    }
  }

  /**
   * A session of builds of one project that reuse one another's work, as the preview server runs
   * them: each rebuild redoes only what the changes reach, and keeps the site in memory.
   */
  public SiteSession session(BuildOptions options) {
    return new SiteSession(this, options.withWrite(true));
  }

  /**
   * One build of a session: the stages with what the last build left, ending in a new site in
   * memory rather than a folder.
   */
  SiteSession.Step step(BuildOptions options, LoadedSite previous, SourceChanges changes, ProcessMemory processMemory,
      PageMemory pages, UrlClaims.Memory claims) throws ConfigException {
    long start = System.nanoTime();
    Stages stages = new Stages(options);
    try (ParallelRunner runner = new ParallelRunner(threads)) {
      LoadedSite site = stages.run(LoadStage.NAME, () -> new LoadStage(registry).load(options, previous, changes), Build::describe);
      boolean indexChanged = previous == null || site.index() != previous.index();
      ProcessedSite processed = stages.run(ProcessStage.NAME,
          () -> new ProcessStage(markdown, registry, runner).process(options, site, processMemory, indexChanged,
              KeptBytes.Store.MEMORY),
          Build::describe);
      Verdict verdict = judge(options, site, processed, claims);
      AssembleStage.AssembledSite assembled = stages.run(AssembleStage.NAME,
          () -> new AssembleStage(site, registry, markdown, runner, pages, NOWHERE)
              .assemble(verdict.published(), processed.maintenance()),
          Build::describe);
      SiteFiles files = stages.run(WriteStage.NAME, () -> pages.files(), f -> f.size() + " files in memory");
      BuildResult result = result(verdict, processed, new WriteStage.Written(!verdict.failed(), files.size(), 0, 0),
          assembled.rendered(), start);
      return new SiteSession.Step(site, files, result);
    }
  }

  /** What the processed site says about itself before anything is written. */
  private record Verdict(Report report, List<ProcessedArticle> published, boolean failed) {}

  private Verdict judge(BuildOptions options, LoadedSite site, ProcessedSite processed, UrlClaims.Memory claims) {
    List<ProcessedArticle> published = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<SnippetRecord> snippets = new ArrayList<>();
    List<TestBlockRecord> tests = new ArrayList<>();
    for (ProcessedArticle p : processed.articles()) {
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
    diagnostics.addAll(site.tree().problems());
    for (MaintenanceResult m : processed.maintenance()) {
      diagnostics.addAll(m.diagnostics());
    }
    diagnostics.addAll(UrlClaims.collisions(claims, site.config(), registry, published, site.tree().staticFiles(),
        processed.maintenance(), site.assets()));
    diagnostics.addAll(AnchorCheck.check(published, site.index()));
    diagnostics.addAll(ListPageLinkCheck.check(published, site.index(), site.config()));
    Report report = new Report(diagnostics, snippets, tests, registry.rules());
    return new Verdict(report, published, options.policy().judge(report).fails());
  }

  private static BuildResult result(Verdict verdict, ProcessedSite processed, WriteStage.Written written, int rendered,
      long start) {
    return new BuildResult(verdict.report(), processed.articles(), written.written(), written.files(), written.bytes(),
        processed.reprocessed(), rendered, Duration.ofNanos(System.nanoTime() - start));
  }

  private static String describe(LoadedSite site) {
    return site.tree().articles().size() + " articles and pages, " + site.files().size() + " content files";
  }

  private static String describe(ProcessedSite processed) {
    return processed.reprocessed() + " of " + processed.articles().size() + " articles processed";
  }

  private static String describe(AssembleStage.AssembledSite assembled) {
    return assembled.rendered() + " of " + assembled.files() + " files made";
  }

  private static String describe(WriteStage.Written written) {
    if (!written.written()) {
      return "nothing swapped in";
    }
    String unchanged = written.unchanged() > 0 ? ", " + written.unchanged() + " of them unchanged" : "";
    return written.files() + " files swapped in" + unchanged;
  }

  /** Where the preview's builds hand their files: nowhere, as the session's memory keeps them. */
  private static final SiteOutput NOWHERE = new SiteOutput() {
    @Override
    public void write(String sitePath, byte[] content) {}

    @Override
    public void copy(String sitePath, Path source) {}
  };
}
