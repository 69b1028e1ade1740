package org.opsbook.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.diag.Diagnostic;
import org.opsbook.publish.OutputFolderGuard;
import org.opsbook.publish.UnsafeOutputException;
import org.opsbook.report.Report;
import org.opsbook.report.ReportFormat;
import org.opsbook.report.TerminalText;
import org.opsbook.report.TextFormat;
import org.opsbook.site.Build;
import org.opsbook.site.BuildOptions;
import org.opsbook.site.BuildResult;
import org.opsbook.config.ConfigException;
import org.opsbook.site.OutputFolders;
import picocli.CommandLine.Model.CommandSpec;

/** The shared body of {@code build} and {@code check}. */
final class SiteBuildRun {
  private SiteBuildRun() {}

  static int build(CommandSpec spec, ProjectOptions project, ReportOptionsMixin reportOptions, Path output, boolean write,
      String command) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReportFormat format = reportOptions.format(err);
    if (format == null) {
      return ExitCodes.USAGE;
    }
    Environment env = Environment.current();
    BuildOptions options;
    try {
      options = project.toBuildOptions(output).withWrite(write).withPolicy(reportOptions.policy())
          .withClock(Instant.now(), env.sourceDateEpoch())
          .withListener(Listeners.of(env, format instanceof TextFormat, err));
    } catch (URISyntaxException e) {
      err.println("opsbook: " + e.getReason() + " (got '" + e.getInput() + "')");
      return ExitCodes.USAGE;
    }
    OutputFolderGuard.Approval approval = null;
    if (write) {
      try {
        approval = OutputFolders.guard(options).checkBuildOutput(output == null ? null : output.toString(),
            options.outputDir());
      } catch (UnsafeOutputException e) {
        err.println(command + ": " + TerminalText.escape(e.getMessage()));
        err.println("  hint: " + TerminalText.escape(e.hint()));
        err.flush();
        return ExitCodes.USAGE;
      }
    }
    BuildResult result;
    try {
      result = new Build(CheckerRegistry.load()).run(options, approval);
    } catch (ConfigException e) {
      printFatal(err, e);
      return ExitCodes.USAGE;
    }
    FileSourceLines source = new FileSourceLines(options.projectRoot());
    Report report = result.report();
    // Machine formats go to stdout alone; the human summary of a written site goes to stderr.
    reportOptions.print(format, report, source, command, env, out);
    if (format instanceof TextFormat) {
      if (result.written()) {
        out.printf(Locale.ROOT, "wrote %d files (%.1f MiB) to %s in %d ms%n", result.files(),
            result.bytes() / 1048576.0, display(options), result.elapsed().toMillis());
      } else if (write) {
        out.println("build failed: " + display(options) + " was left as it was");
      }
      reportOptions.policy().judge(report).reason().filter(r -> reportOptions.reportOnly).ifPresent(out::println);
      out.flush();
    }
    DraftNotice.of(result.articles(), options.drafts()).ifPresent((format instanceof TextFormat ? out : err)::println);
    return reportOptions.exitCode(report);
  }

  static void printFatal(PrintWriter err, ConfigException e) {
    for (Diagnostic d : e.diagnostics()) {
      err.println(TerminalText.escape(d.toString()));
      d.hintText().ifPresent(h -> err.println("  hint: " + TerminalText.escape(h)));
    }
    err.flush();
  }

  private static String display(BuildOptions options) {
    Path root = options.projectRoot();
    Path out = options.outputDir().toAbsolutePath().normalize();
    return out.startsWith(root) ? root.relativize(out).toString() + "/" : out.toString();
  }
}
