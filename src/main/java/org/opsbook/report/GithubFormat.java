package org.opsbook.report;

import java.io.PrintWriter;
import org.opsbook.diag.Severity;

/**
 * GitHub Actions workflow commands: one {@code ::error file=…,line=…,col=…,title=RULE::message}
 * line per finding ({@code ::warning} and {@code ::notice} for the lesser severities), which the
 * runner turns into annotations on the pull request, then the plain summary line.
 *
 * <p>GitHub shows only a handful of annotations per step, so a CI job should upload the SARIF
 * report too; see the README.
 */
public final class GithubFormat implements ReportFormat {

  @Override
  public String name() {
    return "github";
  }

  @Override
  public void write(Report report, ReportOptions options, PrintWriter out) {
    for (Finding f : Finding.of(report)) {
      String message = f.hint() == null ? f.message() : f.message() + "\nhint: " + f.hint();
      out.print("::" + command(f.severity())
          + " file=" + property(f.where().file())
          + ",line=" + f.where().line()
          + ",col=" + f.where().column()
          + ",title=" + property(f.rule().value())
          + "::" + data(message) + "\n");
    }
    out.print(TextFormat.summary(report, options.command()) + "\n");
  }

  private static String command(Severity severity) {
    switch (severity) {
      case ERROR:
        return "error";
      case WARNING:
        return "warning";
      default:
        return "notice";
    }
  }

  /**
   * Escapes a command's message. The runner decodes {@code %25}, {@code %0D} and {@code %0A}
   * (actions/toolkit, command.ts {@code escapeData}); {@code %} goes first so the others survive.
   */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /**
   * Escapes a property value, where {@code :} would end the properties and {@code ,} would start
   * the next one (command.ts {@code escapeProperty}).
   */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
