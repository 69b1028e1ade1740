package org.opsbook.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;
import org.opsbook.diag.SourceSpan;
import org.opsbook.publish.OutputTree;
import org.opsbook.report.ReportOptions;
import org.opsbook.report.SourceLines;
import org.opsbook.report.TextFormat;
import org.opsbook.site.Build;
import org.opsbook.site.BuildOptions;
import org.opsbook.site.BuildResult;
import org.opsbook.site.ConfigException;

/**
 * Runs a build for the preview into a fresh folder, and reports it in the terminal. A failure of
 * any kind (bad front matter, a template error, an opsbook bug) becomes diagnostics in the new
 * state; the last good site stays up.
 */
final class Rebuilder {
  private final Build build;
  private final BuildOptions options;
  private final Path workDir;
  private final PrintWriter terminal;
  private final SourceLines source;
  /** The site before the current one: deleted one rebuild late, so requests still reading it finish. */
  private Optional<Path> retired = Optional.empty();

  Rebuilder(Build build, BuildOptions options, Path workDir, PrintWriter terminal, SourceLines source) {
    this.build = build;
    this.options = options;
    this.workDir = workDir;
    this.terminal = terminal;
    this.source = source;
  }

  BuildState rebuild(BuildState previous, List<String> changes) {
    long generation = previous.generation() + 1;
    Path output = workDir.resolve("build-" + generation);
    long start = System.nanoTime();
    List<Diagnostic> diagnostics;
    boolean written = false;
    try {
      BuildResult result = build.run(options.withOutput(output));
      diagnostics = result.report().diagnostics();
      written = result.written();
      synchronized (terminal) {
        if (!changes.isEmpty()) {
          terminal.print("changed: " + String.join(", ", changes) + "\n");
        }
        new TextFormat().write(result.report(), new ReportOptions(source, false, "serve"), terminal);
      }
    } catch (ConfigException e) {
      diagnostics = e.diagnostics();
      print(changes, diagnostics);
    } catch (RuntimeException e) {
      // A bug must not take the preview down; say what happened and keep serving.
      diagnostics = List.of(new Diagnostic(new SourceSpan(options.configFile().getFileName().toString(), 1, 1),
          RuleId.of("opsbook.internal-error"), Severity.ERROR, "the build crashed: " + e,
          "this is a bug in opsbook; the preview keeps serving the last good build"));
      print(changes, diagnostics);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    Optional<Path> site = previous.site();
    if (written) {
      site = Optional.of(output);
      retired.ifPresent(Rebuilder::deleteQuietly);
      retired = previous.site();
      terminal.print(String.format(Locale.ROOT, "rebuilt in %d ms%n", millis));
    } else {
      deleteQuietly(output);
      terminal.print(String.format(Locale.ROOT, "build failed in %d ms; %s%n", millis,
          site.isPresent() ? "still serving the last good build" : "nothing to serve until it builds"));
    }
    terminal.flush();
    return new BuildState(site, diagnostics, !written, generation);
  }

  private void print(List<String> changes, List<Diagnostic> diagnostics) {
    synchronized (terminal) {
      if (!changes.isEmpty()) {
        terminal.print("changed: " + String.join(", ", changes) + "\n");
      }
      for (Diagnostic d : diagnostics) {
        terminal.print(d + "\n");
        d.hintText().ifPresent(h -> terminal.print("  hint: " + h + "\n"));
      }
    }
  }

  static void deleteQuietly(Path dir) {
    try {
      if (Files.exists(dir)) {
        OutputTree.deleteTree(dir);
      }
    } catch (IOException e) {
      // A leftover preview folder inside the temporary work folder; removed with it on close.
    }
  }
}
