package org.opsbook.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.TestResult;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;
import org.opsbook.diag.SourceSpan;

/** Reports that exercise every part of the CI formats: errors, warnings, tests, awkward text. */
final class ReportFixtures {
  static final String BASTION = "content/articles/ssh bastion/index.md";
  static final String TOR = "content/articles/tor-nat/index.md";

  static final RuleInfo UNKNOWN_KEYWORD =
      RuleInfo.of(
          "sshd.unknown-keyword",
          Severity.ERROR,
          "Keyword sshd does not know",
          "sshd refuses to start when `sshd_config` holds a keyword it does not know.\n\n"
              + "Fix the spelling or remove the line. Source: sshd_config(5).");
  static final RuleInfo ROOT_LOGIN =
      RuleInfo.of(
          "sshd.permit-root-login",
          Severity.WARNING,
          "Root may log in with a password",
          "`PermitRootLogin yes` lets anyone who guesses root's password in.");
  static final RuleInfo DPORT =
      RuleInfo.of("iptables.port-without-protocol", Severity.ERROR, "--dport without -p", "iptables needs `-p tcp`.");

  private ReportFixtures() {}

  static Report mixed() {
    Diagnostic typo =
        new Diagnostic(
            new SourceSpan(BASTION, 14, 1),
            RuleId.of("sshd.unknown-keyword"),
            Severity.ERROR,
            "unknown keyword 'PermitRootLogn': 50% sure, a typo, line 14",
            "did you mean PermitRootLogin?\nsee sshd_config(5)");
    Diagnostic root = Diagnostic.warning(new SourceSpan(BASTION, 15, 17), "sshd.permit-root-login", "root can log in <yes> & more");
    Diagnostic dport = Diagnostic.error(new SourceSpan(TOR, 30, 24), "iptables.port-without-protocol", "--dport needs -p tcp or -p udp");
    Diagnostic link = Diagnostic.error(new SourceSpan(TOR, 8, 12), "opsbook.broken-link", "link to ../nowhere/ does not resolve\u0007");
    List<SnippetRecord> snippets =
        List.of(
            new SnippetRecord(new SourceSpan(BASTION, 12, 1), "sshd_config", true, List.of(typo, root)),
            new SnippetRecord(new SourceSpan(BASTION, 40, 1), "shell", false, List.of()),
            new SnippetRecord(new SourceSpan(TOR, 28, 1), "iptables", true, List.of(dport)),
            new SnippetRecord(new SourceSpan(TOR, 50, 1), "iptables", true, List.of()));
    List<TestBlockRecord> tests =
        List.of(
            new TestBlockRecord(
                new SourceSpan(TOR, 60, 1),
                "nat",
                List.of(
                    TestResult.pass(new SourceSpan(TOR, 61, 1), "tcp 10.0.0.2:40000 -> 1.1.1.1:443 => REDIRECT"),
                    TestResult.fail(
                        new SourceSpan(TOR, 62, 1),
                        "udp 10.0.0.2:5353 -> 1.1.1.1:53 => DROP",
                        "expected DROP, got ACCEPT\ntrace: nat/OUTPUT rule 3"))));
    return new Report(
        List.of(typo, root, dport, link), snippets, tests, List.of(UNKNOWN_KEYWORD, ROOT_LOGIN, DPORT));
  }

  static Report clean() {
    return new Report(
        List.of(),
        List.of(new SnippetRecord(new SourceSpan(TOR, 28, 1), "iptables", true, List.of())),
        List.of(),
        List.of(DPORT));
  }

  static Report warningsOnly(int count) {
    List<Diagnostic> warnings =
        java.util.stream.IntStream.rangeClosed(1, count)
            .mapToObj(i -> Diagnostic.warning(new SourceSpan(BASTION, i, 1), "sshd.permit-root-login", "root login"))
            .toList();
    return new Report(warnings, List.of(), List.of(), List.of(ROOT_LOGIN));
  }

  static String render(ReportFormat format, Report report) {
    StringWriter s = new StringWriter();
    try (PrintWriter out = new PrintWriter(s)) {
      format.write(report, new ReportOptions(SourceLines.none(), false, "check"), out);
    }
    return s.toString();
  }
}
