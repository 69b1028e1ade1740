package org.opsbook.report;

import java.util.Objects;

/**
 * How to write a report.
 *
 * @param source the lines under diagnostics in text output
 * @param color whether to use ANSI colour (only on a terminal)
 * @param command the subcommand that produced the report ({@code build}, {@code check}, {@code lint})
 */
public record ReportOptions(SourceLines source, boolean color, String command) {
  public ReportOptions {
    Objects.requireNonNull(source);
    Objects.requireNonNull(command);
  }
}
