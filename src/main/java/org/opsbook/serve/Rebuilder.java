package org.opsbook.serve;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.io.StringWriter;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;
import org.opsbook.diag.SourceSpan;
import org.opsbook.publish.MemoryOutput;
import org.opsbook.report.Report;
import org.opsbook.report.ReportOptions;
import org.opsbook.report.SourceLines;
import org.opsbook.report.TerminalText;
import org.opsbook.report.TextFormat;
import org.opsbook.site.Build;
import org.opsbook.site.BuildCache;
import org.opsbook.site.BuildOptions;
import org.opsbook.site.BuildResult;
import org.opsbook.site.ConfigException;
import org.opsbook.site.ProcessedArticle;

/**
 * Runs the preview's builds: incremental (a {@link BuildCache} kept across rebuilds, so an edit
 * redoes only the articles it touched and the pages that show them), into memory, and reported in
 * the terminal with the time each took. A failure of any kind (a template error, bad
 * configuration, an opsbook bug) becomes diagnostics in the new state, and the previous site
 * stays up. Used from one thread at a time.
 */
final class Rebuilder {
  private final Build build;
  private final BuildOptions options;
  private final PrintWriter terminal;
  private final SourceLines source;
  private BuildCache cache = new BuildCache();

  Rebuilder(Build build, BuildOptions options, PrintWriter terminal, SourceLines source) {
    this.build = build;
    this.options = options;
    this.terminal = terminal;
    this.source = source;
  }

  /**
   * Builds again after {@code changes} (project-relative paths; empty for the first build).
   *
   * @param themeChanged a template or theme asset changed: the cache keys rendered pages on the
   *     articles only, so it is dropped and every page is rendered again
   */
  BuildState rebuild(BuildState previous, List<String> changes, boolean themeChanged) {
    if (themeChanged) {
      cache = new BuildCache();
    }
    long generation = previous.generation() + 1;
    long start = System.nanoTime();
    MemoryOutput output = new MemoryOutput();
    if (!changes.isEmpty()) {
      terminal.print("changed: " + TerminalText.escape(String.join(", ", changes)) + "\n");
    }
    List<Diagnostic> diagnostics;
    String work;
    Optional<MemoryOutput> site;
    Map<String, String> sources = previous.sources();
    boolean fresh = false;
    try {
      BuildResult result = build.run(options, cache, output);
      diagnostics = result.report().diagnostics();
      printReport(result.report(), changes);
      site = Optional.of(output);
      sources = new HashMap<>();
      for (ProcessedArticle a : result.articles()) {
        sources.put(a.article().sitePath(), a.article().source().displayPath());
      }
      fresh = true;
      work = result.reprocessed() + " of " + result.articles().size() + " articles processed";
    } catch (ConfigException e) {
      diagnostics = e.diagnostics();
      print(diagnostics);
      site = previous.site();
      work = "no site: " + (site.isPresent() ? "still serving the previous one" : "nothing to serve until it builds");
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // A bug must not take the preview down: say what happened and keep serving.
      diagnostics = List.of(new Diagnostic(new SourceSpan(options.configFile().getFileName().toString(), 1, 1),
          RuleId.of("opsbook.internal-error"), Severity.ERROR, "the build crashed: " + e,
          "this is a bug in opsbook; the preview keeps serving the previous site"));
      print(diagnostics);
      site = previous.site();
      work = "no site: " + (site.isPresent() ? "still serving the previous one" : "nothing to serve until it builds");
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    terminal.print(String.format(Locale.ROOT, "rebuilt in %d ms (%s)%n", millis, work));
    terminal.flush();
    return new BuildState(site, diagnostics, !fresh, generation, sources);
  }

  /**
   * The first build prints every finding, as {@code opsbook build} does; later ones print the
   * findings in the changed files and every error elsewhere (an edit can break another page's
   * link), then the summary of the whole site.
   */
  private void printReport(Report report, List<String> changes) {
    Report shown = report;
    if (!changes.isEmpty()) {
      Set<String> changed = Set.copyOf(changes);
      List<Diagnostic> relevant = report.diagnostics().stream()
          .filter(d -> changed.contains(d.where().file()) || d.isError()).toList();
      shown = new Report(relevant, List.of(), List.of(), List.of());
    }
    StringWriter text = new StringWriter();
    new TextFormat().write(shown, new ReportOptions(source, false, "serve"), new PrintWriter(text));
    String lines = text.toString();
    // Drop the partial report's own summary line; the whole site's follows.
    String body = lines.substring(0, lines.lastIndexOf('\n', lines.length() - 2) + 1);
    terminal.print(body + TextFormat.summary(report) + "\n");
  }

  private void print(List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      terminal.print(TerminalText.escape(d.toString()) + "\n");
      d.hintText().ifPresent(h -> terminal.print("  hint: " + TerminalText.escape(h) + "\n"));
    }
  }
}
