package org.opsbook.cli;

import java.io.PrintWriter;
import org.opsbook.report.ExitPolicy;
import org.opsbook.report.Report;
import org.opsbook.report.ReportFormat;
import org.opsbook.report.ReportFormats;
import org.opsbook.report.ReportOptions;
import org.opsbook.report.SourceLines;
import picocli.CommandLine.Option;

/** How findings are printed and what makes the run fail; shared by build, check and lint. */
public final class ReportOptionsMixin {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
      completionCandidates = FormatNames.class)
  String format;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour in text output: auto (only on a terminal), always, never.")
  String color;

  @Option(names = "--werror", description = "Warnings fail the run too.")
  boolean werror;

  @Option(names = "--max-warnings", paramLabel = "N", defaultValue = "-1",
      description = "Fail when there are more than N warnings.")
  int maxWarnings;

  @Option(names = "--report-only", description = "Report everything, fail nothing (exit 0); build writes the site anyway.")
  boolean reportOnly;

  ExitPolicy policy() {
    return new ExitPolicy(werror, maxWarnings, reportOnly);
  }

  /** Validates the format name, writing the reason to err; returns null when unknown. */
  ReportFormat format(PrintWriter err) {
    return ReportFormats.byName(format).orElseGet(() -> {
      err.println("opsbook: unknown --format '" + format + "'; use one of " + String.join(", ", ReportFormats.names()));
      return null;
    });
  }

  void print(ReportFormat f, Report report, SourceLines source, String command, Environment env, PrintWriter out) {
    boolean useColor = color.equals("always") || color.equals("auto") && System.console() != null && !env.noColor();
    f.write(report, new ReportOptions(source, useColor, command), out);
    out.flush();
  }

  /** Exit code for a report under this run's policy: 1 when it fails. */
  int exitCode(Report report) {
    return policy().judge(report).fails() ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }

  /** The names for picocli's completion and help. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ReportFormats.names().iterator();
    }
  }
}
