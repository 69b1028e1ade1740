package org.opsbook.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.opsbook.check.TestResult;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * JUnit XML as Jenkins, GitLab and most CI systems read it: one {@code <testsuite>} per source
 * file, one {@code <testcase>} per snippet and per {@code test} block. A snippet with an error is
 * a failure carrying its diagnostics; a snippet no checker read is skipped; warnings go to the
 * case's {@code <system-out>}. Findings outside any snippet (front matter, links) form one more
 * case per file, named {@code document}.
 *
 * <p>No times or timestamps are written, so the same report gives the same bytes.
 */
public final class JunitFormat implements ReportFormat {

  @Override
  public String name() {
    return "junit";
  }

  @Override
  public void write(Report report, ReportOptions options, PrintWriter out) {
    Map<String, List<Case>> byFile = casesByFile(report);
    long tests = 0;
    long failures = 0;
    for (List<Case> cases : byFile.values()) {
      tests += cases.size();
      failures += cases.stream().filter(Case::failed).count();
    }
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<testsuites name=\"opsbook ").append(Xml.attr(options.command())).append("\"")
        .append(" tests=\"").append(tests).append("\" failures=\"").append(failures)
        .append("\" errors=\"0\">\n");
    for (Map.Entry<String, List<Case>> file : byFile.entrySet()) {
      List<Case> cases = file.getValue();
      long fileFailures = cases.stream().filter(Case::failed).count();
      long skipped = cases.stream().filter(c -> c.skipped() != null).count();
      x.append("  <testsuite name=\"").append(Xml.attr(file.getKey())).append("\"")
          .append(" tests=\"").append(cases.size()).append("\"")
          .append(" failures=\"").append(fileFailures).append("\"")
          .append(" errors=\"0\" skipped=\"").append(skipped).append("\"")
          .append(" file=\"").append(Xml.attr(file.getKey())).append("\">\n");
      for (Case c : cases) {
        c.appendTo(x, file.getKey());
      }
      x.append("  </testsuite>\n");
    }
    x.append("</testsuites>\n");
    out.print(x);
  }

  private static Map<String, List<Case>> casesByFile(Report report) {
    Map<String, List<Case>> byFile = new TreeMap<>();
    Set<Diagnostic> attributed = new HashSet<>();
    for (SnippetRecord s : report.snippets()) {
      attributed.addAll(s.diagnostics());
      byFile.computeIfAbsent(s.fence().file(), f -> new ArrayList<>()).add(Case.of(s));
    }
    for (TestBlockRecord t : report.tests()) {
      byFile.computeIfAbsent(t.fence().file(), f -> new ArrayList<>()).add(Case.of(t));
    }
    Map<String, List<Diagnostic>> rest = new LinkedHashMap<>();
    for (Diagnostic d : report.diagnostics()) {
      if (!attributed.contains(d)) {
        rest.computeIfAbsent(d.where().file(), f -> new ArrayList<>()).add(d);
      }
    }
    for (Map.Entry<String, List<Diagnostic>> e : rest.entrySet()) {
      byFile.computeIfAbsent(e.getKey(), f -> new ArrayList<>()).add(Case.document(e.getValue()));
    }
    for (List<Case> cases : byFile.values()) {
      cases.sort((a, b) -> Integer.compare(a.line(), b.line()));
    }
    return byFile;
  }

  /** One test case: what it is called, where it starts, and how it ended. */
  private record Case(String name, int line, String failureMessage, String failureText, String skipped, String out) {

    static Case of(SnippetRecord s) {
      String name = s.language() + " snippet at line " + s.fence().line();
      if (!s.checked()) {
        return new Case(name, s.fence().line(), null, null, "not checked: no checker read this snippet", null);
      }
      List<Diagnostic> errors = s.diagnostics().stream().filter(Diagnostic::isError).toList();
      List<Diagnostic> others = s.diagnostics().stream().filter(d -> !d.isError()).toList();
      String out = others.isEmpty() ? null : lines(others);
      if (errors.isEmpty()) {
        return new Case(name, s.fence().line(), null, null, null, out);
      }
      Diagnostic first = errors.get(0);
      String message = first.message() + " [" + first.rule() + "]"
          + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
      return new Case(name, s.fence().line(), message, lines(errors), null, out);
    }

    static Case of(TestBlockRecord t) {
      String name = "test block for " + t.forId() + " at line " + t.fence().line();
      List<TestResult> failed = t.results().stream().filter(r -> !r.passed()).toList();
      String summary = t.results().size() + " cases, " + (t.results().size() - failed.size()) + " passed";
      if (failed.isEmpty()) {
        return new Case(name, t.fence().line(), null, null, null, summary);
      }
      StringBuilder text = new StringBuilder();
      for (TestResult r : failed) {
        text.append(r.where()).append(": ").append(r.description()).append('\n');
        if (!r.message().isBlank()) {
          text.append("  ").append(r.message().strip().replace("\n", "\n  ")).append('\n');
        }
      }
      String message = failed.size() + " of " + t.results().size() + " test cases failed: " + failed.get(0).description();
      return new Case(name, t.fence().line(), message, text.toString(), null, summary);
    }

    static Case document(List<Diagnostic> diagnostics) {
      List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
      List<Diagnostic> others = diagnostics.stream().filter(d -> d.severity() != Severity.ERROR).toList();
      String out = others.isEmpty() ? null : lines(others);
      if (errors.isEmpty()) {
        return new Case("document", 0, null, null, null, out);
      }
      Diagnostic first = errors.get(0);
      return new Case("document", 0, first.message() + " [" + first.rule() + "]", lines(errors), null, out);
    }

    boolean failed() {
      return failureMessage != null;
    }

    void appendTo(StringBuilder x, String file) {
      x.append("    <testcase name=\"").append(Xml.attr(name)).append("\" classname=\"")
          .append(Xml.attr(file)).append("\"");
      if (!failed() && skipped == null && out == null) {
        x.append("/>\n");
        return;
      }
      x.append(">\n");
      if (skipped != null) {
        x.append("      <skipped message=\"").append(Xml.attr(skipped)).append("\"/>\n");
      }
      if (failed()) {
        x.append("      <failure message=\"").append(Xml.attr(failureMessage)).append("\" type=\"opsbook\">")
            .append(Xml.text(failureText)).append("</failure>\n");
      }
      if (out != null) {
        x.append("      <system-out>").append(Xml.text(out)).append("</system-out>\n");
      }
      x.append("    </testcase>\n");
    }

    private static String lines(List<Diagnostic> diagnostics) {
      StringBuilder s = new StringBuilder();
      for (Diagnostic d : diagnostics) {
        s.append(d).append('\n');
        d.hintText().ifPresent(h -> s.append("  hint: ").append(h).append('\n'));
      }
      return s.toString();
    }
  }
}
