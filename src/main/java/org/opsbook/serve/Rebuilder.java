package org.opsbook.serve;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opsbook.config.ConfigException;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;
import org.opsbook.diag.SourceSpan;
import org.opsbook.report.Report;
import org.opsbook.report.ReportOptions;
import org.opsbook.report.SourceLines;
import org.opsbook.report.TerminalText;
import org.opsbook.report.TextFormat;
import org.opsbook.site.BuildResult;
import org.opsbook.site.ProcessedArticle;
import org.opsbook.site.SiteFiles;
import org.opsbook.site.SiteSession;
import org.opsbook.site.SourceChanges;

/**
 * Runs the preview's builds: incremental (a {@link SiteSession} that redoes only what a change
 * reaches), into memory, and reported in the terminal with the time each took. A failure of any
 * kind (a template error, bad configuration, an opsbook bug) becomes diagnostics in the new state,
 * and the previous site stays up. Used from one thread at a time.
 */
final class Rebuilder {
  private final SiteSession session;
  private final PrintWriter terminal;
  private final Supplier<SourceLines> source;
  /** The errors the last build reported, so the next one prints only those it adds. */
  private Set<Diagnostic> knownErrors = Set.of();

  /** @param source source lines for the report, read afresh for each rebuild */
  Rebuilder(SiteSession session, PrintWriter terminal, Supplier<SourceLines> source) {
    this.session = session;
    this.terminal = terminal;
    this.source = source;
  }

  /** Builds again after {@code changes}; the first build reads everything. */
  BuildState rebuild(BuildState previous, SourceChanges changes) {
    return rebuild(previous, changes, state -> {});
  }

  /**
   * As {@link #rebuild(BuildState, SourceChanges, Consumer)}, for changes that may not be complete
   * yet: once built, the new state is published only if {@code settled} says that nothing changed
   * since the sources were read. Otherwise nothing is published and no findings are printed, and
   * the result is empty: the caller builds again with the later changes added, and the session,
   * which redoes whatever it is told changed, reads them all again.
   */
  Optional<BuildState> rebuildIfSettled(BuildState previous, SourceChanges changes, BooleanSupplier settled,
      Consumer<BuildState> publish) {
    return Optional.ofNullable(rebuild(previous, changes, settled, publish));
  }

  /** Rebuilds of nothing, so the first edits run compiled code (see {@link SiteSession#warmUp}). */
  void warmUp(int rounds, java.time.Duration budget) {
    session.warmUp(rounds, budget);
  }

  /**
   * Builds again after {@code changes} and hands the new state to {@code publish} as soon as it
   * can be served; the findings are printed after that, so the writer's page does not wait for
   * the terminal.
   */
  BuildState rebuild(BuildState previous, SourceChanges changes, Consumer<BuildState> publish) {
    return rebuild(previous, changes, () -> true, publish);
  }

  /** The new state, or null when {@code settled} said no and nothing was published. */
  private BuildState rebuild(BuildState previous, SourceChanges changes, BooleanSupplier settled,
      Consumer<BuildState> publish) {
    long generation = previous.generation() + 1;
    long start = System.nanoTime();
    Path root = session.options().projectRoot();
    List<String> names = changes.paths().stream()
        .map(p -> p.startsWith(root) ? root.relativize(p).toString().replace('\\', '/') : p.toString()).toList();
    if (!names.isEmpty()) {
      terminal.print("changed: " + TerminalText.escape(String.join(", ", names)) + "\n");
    }
    List<Diagnostic> diagnostics;
    String work;
    Optional<SiteFiles> site;
    Map<String, String> sources = previous.sources();
    Map<String, byte[]> lastGood = previous.lastGood();
    try {
      BuildResult result = session.rebuild(changes);
      diagnostics = result.report().diagnostics();
      site = Optional.of(session.files());
      lastGood = keepLastGood(previous, session.files(), result);
      sources = withLastGood(session.sources(), lastGood, previous.sources());
      work = result.reprocessed() + " of " + result.articles().size() + " articles processed, "
          + result.rendered() + " files made";
      BuildState built = new BuildState(site, diagnostics, false, generation, sources, lastGood);
      if (!settled.getAsBoolean()) {
        return null;
      }
      publish.accept(built);
      long served = (System.nanoTime() - start) / 1_000_000;
      printReport(result.report(), changes.everything() ? List.of() : names);
      terminal.print(String.format(Locale.ROOT, "rebuilt in %d ms (%s)%n", served, work));
      terminal.flush();
      return built;
    } catch (ConfigException e) {
      diagnostics = e.diagnostics();
      site = previous.site();
      work = "no site: " + (site.isPresent() ? "still serving the previous one" : "nothing to serve until it builds");
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // A bug must not take the preview down: say what happened and keep serving.
      diagnostics = List.of(new Diagnostic(new SourceSpan(session.options().configFile().getFileName().toString(), 1, 1),
          RuleId.of("opsbook.internal-error"), Severity.ERROR, "the build crashed: " + e,
          "this is a bug in opsbook; the preview keeps serving the previous site"));
      site = previous.site();
      work = "no site: " + (site.isPresent() ? "still serving the previous one" : "nothing to serve until it builds");
    }
    if (!settled.getAsBoolean()) {
      return null;
    }
    print(diagnostics);
    long millis = (System.nanoTime() - start) / 1_000_000;
    terminal.print(String.format(Locale.ROOT, "rebuilt in %d ms (%s)%n", millis, work));
    terminal.flush();
    BuildState failed = new BuildState(site, diagnostics, true, generation, sources, lastGood);
    publish.accept(failed);
    return failed;
  }

  /**
   * An article that stopped building (its front matter broke mid-edit) would be a 404 in the new
   * site; the preview serves its last good page instead, with the overlay saying so. Only pages
   * whose source has an error now are kept, so a deleted or renamed article does disappear.
   */
  private static Map<String, byte[]> keepLastGood(BuildState previous, SiteFiles now, BuildResult result) {
    Map<String, byte[]> kept = new HashMap<>();
    if (previous.site().isEmpty()) {
      return kept;
    }
    // An article stops building when its front matter breaks: few do at once, while the findings
    // of a large site are thousands, so those articles are found first.
    List<String> unbuilt = new ArrayList<>();
    for (ProcessedArticle a : result.articles()) {
      if (!a.isPublishable()) {
        unbuilt.add(a.article().sitePath());
      }
    }
    if (unbuilt.isEmpty()) {
      return kept;
    }
    Set<String> broken = new java.util.HashSet<>();
    for (Diagnostic d : result.report().diagnostics()) {
      if (d.isError()) {
        broken.add(d.where().file());
      }
    }
    for (String page : unbuilt) {
      String source = previous.sources().get(page);
      String file = page + "index.html";
      if (source == null || !broken.contains(source) || now.get(file).isPresent()) {
        continue;
      }
      Optional<byte[]> old = previous.site().get().get(file).or(() -> Optional.ofNullable(previous.lastGood().get(page)));
      old.ifPresent(bytes -> kept.put(page, bytes));
    }
    return kept;
  }

  /** The sources of this build's pages, and of the last good pages kept, whose article may be gone. */
  private static Map<String, String> withLastGood(Map<String, String> sources, Map<String, byte[]> lastGood,
      Map<String, String> previous) {
    if (lastGood.isEmpty()) {
      return sources;
    }
    Map<String, String> all = new HashMap<>(sources);
    lastGood.keySet().forEach(page -> all.put(page, previous.get(page)));
    return all;
  }

  /**
   * The first build prints every finding, as {@code opsbook build} does; later ones print the
   * findings in the changed files and the errors elsewhere that the last build did not have (an
   * edit can break another page's link), then the count by rule and the summary of the whole site.
   */
  private void printReport(Report report, List<String> changes) {
    Report shown = report;
    if (!changes.isEmpty()) {
      Set<String> changed = Set.copyOf(changes);
      List<Diagnostic> relevant = report.diagnostics().stream()
          .filter(d -> changed.contains(d.where().file()) || d.isError() && !knownErrors.contains(d)).toList();
      shown = new Report(relevant, List.of(), List.of(), List.of());
    }
    knownErrors = report.diagnostics().stream().filter(Diagnostic::isError).collect(Collectors.toSet());
    StringWriter text = new StringWriter();
    new TextFormat().writeDiagnostics(shown, new ReportOptions(source.get(), false, "serve"), new PrintWriter(text));
    terminal.print(text + TextFormat.footer(report));
  }

  private void print(List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      terminal.print(TerminalText.escapeLines(d.toString(), "  ") + "\n");
      d.hintText().ifPresent(h -> terminal.print("  hint: " + TerminalText.escape(h) + "\n"));
    }
  }
}
