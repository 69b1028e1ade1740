package org.opsbook.report;

import java.io.PrintWriter;

/** A way of writing a {@link Report}: text for people, JSON, SARIF, JUnit XML or CI annotations. */
public interface ReportFormat {
  /** The name given to {@code --format}. */
  String name();

  /**
   * Writes the report. Implementations write UTF-8 text with {@code \n} line ends and produce the
   * same bytes for the same report.
   */
  void write(Report report, ReportOptions options, PrintWriter out);
}
