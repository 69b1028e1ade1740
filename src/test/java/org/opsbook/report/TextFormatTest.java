package org.opsbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

class TextFormatTest {
  private static Diagnostic warning(int line, String rule) {
    return Diagnostic.warning(new SourceSpan("a.md", line, 1), rule, "m");
  }

  @Test
  void endsWithACountByRuleMostFirstThenTheTotals() {
    List<Diagnostic> d = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      d.add(warning(i, "sshd.password-authentication-default"));
    }
    d.add(warning(20, "iptables.no-default-policy"));
    d.add(warning(21, "iptables.no-default-policy"));
    d.add(warning(22, "postfix.unanchored"));
    String footer = TextFormat.footer(new Report(d, List.of(), List.of(), List.of()));
    assertEquals("by rule:\n"
        + "  12 × sshd.password-authentication-default\n"
        + "   2 × iptables.no-default-policy\n"
        + "   1 × postfix.unanchored\n"
        + "0 errors, 15 warnings in 0 checked snippets\n", footer);
  }

  @Test
  void noCountByRuleWhenEveryRuleFiredOnce() {
    String footer = TextFormat.footer(new Report(List.of(warning(1, "a.b"), warning(2, "c.d")), List.of(), List.of(), List.of()));
    assertEquals("0 errors, 2 warnings in 0 checked snippets\n", footer);
  }

  /** Lines made up from the file name; each reader is for one file, as a file's findings are formatted together. */
  private static final class OneFileLines implements SourceLines {
    private String file;

    @Override
    public Optional<String> line(String name, int line) {
      if (file != null && !file.equals(name)) {
        throw new AssertionError("one reader was asked about " + file + " and " + name);
      }
      file = name;
      return Optional.of("\tline " + line + " of " + name);
    }

    @Override
    public SourceLines another() {
      return new OneFileLines();
    }
  }

  @Test
  void printsTheFindingsOfManyFilesInTheReportsOrderEachFileWithItsOwnReader() {
    List<Diagnostic> d = new ArrayList<>();
    StringBuilder expected = new StringBuilder();
    for (int f = 0; f < 700; f++) {
      String file = String.format("articles/a%04d/index.md", f);
      for (int line = 1; line <= 1 + f % 3; line++) {
        d.add(Diagnostic.warning(new SourceSpan(file, line, 3), "x.rule", "finding " + line));
        expected.append(file).append(':').append(line).append(":3: warning: finding ").append(line).append(" [x.rule]\n")
            .append("   line ").append(line).append(" of ").append(file).append('\n')
            .append("    ^\n");
      }
    }
    StringWriter text = new StringWriter();
    new TextFormat().writeDiagnostics(new Report(d, List.of(), List.of(), List.of()),
        new ReportOptions(new OneFileLines(), false, "build"), new PrintWriter(text));
    assertEquals(expected.toString(), text.toString());
  }

  @Test
  void aMessageOfSeveralLinesContinuesBelowTheSourceLineStillEscaped() {
    Diagnostic d = Diagnostic.error(new SourceSpan("a.md", 4, 1), "opsbook.test-failed",
        "test failed: expected DROP but the packet got ACCEPT\npacket: tcp\nverdict: \u001b[2JACCEPT");
    StringWriter text = new StringWriter();
    new TextFormat().writeDiagnostics(new Report(List.of(d), List.of(), List.of(), List.of()),
        new ReportOptions(new OneFileLines(), false, "build"), new PrintWriter(text));
    assertEquals("a.md:4:1: error: test failed: expected DROP but the packet got ACCEPT [opsbook.test-failed]\n"
        + "   line 4 of a.md\n"
        + "  ^\n"
        + "  packet: tcp\n"
        + "  verdict: \\x1b[2JACCEPT\n", text.toString());
  }
}
