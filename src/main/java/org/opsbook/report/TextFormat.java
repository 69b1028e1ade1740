package org.opsbook.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * Compiler-style text: {@code path:line:col: severity: message [rule]}, then the source line and a
 * caret under the column, then the hint; at the end a count by rule and a summary line.
 */
public final class TextFormat implements ReportFormat {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";

  /**
   * How many files' findings are formatted before they are printed: enough to share out among the
   * cores, few enough that a report is never held whole.
   */
  private static final int FILES_AT_ONCE = 256;

  @Override
  public String name() {
    return "text";
  }

  @Override
  public void write(Report report, ReportOptions options, PrintWriter out) {
    writeDiagnostics(report, options, out);
    out.print(footer(report, options.command()));
  }

  /**
   * Every diagnostic with its source line, caret and hint; no summary. The findings of a file are
   * formatted together, several files at once, each with its own reader of source lines; they are
   * printed in the report's order. A large site's report reads thousands of files again for their
   * lines, which kept one core busy and the others waiting at the end of a build.
   */
  public void writeDiagnostics(Report report, ReportOptions options, PrintWriter out) {
    List<List<Diagnostic>> byFile = byFile(report.diagnostics());
    for (int from = 0; from < byFile.size(); from += FILES_AT_ONCE) {
      List<List<Diagnostic>> batch = byFile.subList(from, Math.min(byFile.size(), from + FILES_AT_ONCE));
      Stream<List<Diagnostic>> files = batch.size() > 1 ? batch.parallelStream() : batch.stream();
      files.map(diagnostics -> format(diagnostics, options, options.source().another())).toList().forEach(out::print);
    }
  }

  /** The report's diagnostics in runs that name one file each, in order. */
  private static List<List<Diagnostic>> byFile(List<Diagnostic> diagnostics) {
    List<List<Diagnostic>> runs = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= diagnostics.size(); i++) {
      if (i == diagnostics.size() || !diagnostics.get(i).where().file().equals(diagnostics.get(start).where().file())) {
        runs.add(diagnostics.subList(start, i));
        start = i;
      }
    }
    return runs;
  }

  private static String format(List<Diagnostic> diagnostics, ReportOptions options, SourceLines source) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      String severity = options.color() ? colour(d.severity()) + d.severity().label() + RESET : d.severity().label();
      String where = TerminalText.escape(d.where().toString());
      String location = options.color() ? BOLD + where + RESET : where;
      // The first line of the message is the diagnostic's line; further lines (a failed test's
      // trace) follow the source excerpt, indented like it.
      int firstBreak = d.message().indexOf('\n');
      String first = firstBreak < 0 ? d.message() : d.message().substring(0, firstBreak);
      out.append(location).append(": ").append(severity).append(": ").append(TerminalText.escape(first))
          .append(" [").append(d.rule()).append("]\n");
      Optional<String> line = source.line(d.where().file(), d.where().line());
      if (line.isPresent()) {
        String raw = line.get().replace('\t', ' ');
        out.append("  ").append(TerminalText.escape(raw)).append('\n');
        int caret = TerminalText.escape(raw.substring(0, Math.min(Math.max(d.where().column() - 1, 0), raw.length()))).length();
        out.append("  ").append(" ".repeat(caret)).append(options.color() ? colour(d.severity()) + "^" + RESET : "^")
            .append('\n');
      }
      if (firstBreak >= 0) {
        out.append("  ").append(TerminalText.escapeLines(d.message().substring(firstBreak + 1), "  ")).append('\n');
      }
      d.hintText().ifPresent(h -> out.append("  hint: ").append(TerminalText.escape(h)).append('\n'));
    }
    return out.toString();
  }

  /**
   * What ends a report: when some rule was reported more than once, a count by rule (most first,
   * so the rule to look at first heads the list), then the {@link #summary} line.
   */
  public static String footer(Report report) {
    return footer(report, "build");
  }

  /** As {@link #footer(Report)}, counting files for {@code lint}, which checks files. */
  public static String footer(Report report, String command) {
    Map<String, Long> byRule = new HashMap<>();
    for (Diagnostic d : report.diagnostics()) {
      byRule.merge(d.rule().value(), 1L, Long::sum);
    }
    StringBuilder s = new StringBuilder();
    if (byRule.size() < report.diagnostics().size()) {
      List<Map.Entry<String, Long>> counts = new ArrayList<>(byRule.entrySet());
      counts.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      int width = String.valueOf(counts.get(0).getValue()).length();
      s.append("by rule:\n");
      for (Map.Entry<String, Long> e : counts) {
        s.append(String.format(Locale.ROOT, "  %" + width + "d × %s\n", e.getValue(), e.getKey()));
      }
    }
    return s.append(summary(report, command)).append('\n').toString();
  }

  /** One line such as {@code 2 errors, 1 warning in 14 checked snippets; 10 tests: 9 passed, 1 failed}. */
  public static String summary(Report report) {
    return summary(report, "build");
  }

  /** The summary line; {@code lint} checks files, so it counts files where the others count snippets. */
  public static String summary(Report report, String command) {
    String unit = command.equals("lint") ? "file" : "snippet";
    long checked = report.checkedSnippets();
    StringBuilder s = new StringBuilder();
    s.append(plural(report.count(Severity.ERROR), "error")).append(", ");
    s.append(plural(report.count(Severity.WARNING), "warning"));
    long infos = report.count(Severity.INFO);
    if (infos > 0) {
      s.append(", ").append(plural(infos, "note"));
    }
    s.append(" in ").append(plural(checked, "checked " + unit));
    long unchecked = report.snippets().size() - checked;
    if (unchecked > 0) {
      s.append(" (").append(unchecked).append(" not checked)");
    }
    long passed = report.testsPassed();
    long failed = report.testsFailed();
    if (passed + failed > 0) {
      s.append("; ").append(plural(passed + failed, "test")).append(": ").append(passed).append(" passed");
      if (failed > 0) {
        s.append(", ").append(failed).append(" failed");
      }
    }
    return s.toString();
  }

  private static String plural(long n, String word) {
    return String.format(Locale.ROOT, "%d %s%s", n, word, n == 1 ? "" : "s");
  }

  private static String colour(Severity severity) {
    switch (severity) {
      case ERROR:
        return "\u001b[1;31m";
      case WARNING:
        return "\u001b[1;33m";
      default:
        return "\u001b[1;36m";
    }
  }
}
