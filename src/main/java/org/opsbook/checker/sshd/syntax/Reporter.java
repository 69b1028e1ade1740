package org.opsbook.checker.sshd.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** Collects the parser's diagnostics, positioned through the snippet. Not thread-safe; one per parse. */
final class Reporter {
  private final Snippet snippet;
  private final List<Diagnostic> found = new ArrayList<>();
  private int errorsOnLine;

  Reporter(Snippet snippet) {
    this.snippet = snippet;
  }

  void startLine() {
    errorsOnLine = 0;
  }

  boolean lineHasErrors() {
    return errorsOnLine > 0;
  }

  void error(int line, int column, String rule, String message, String hint) {
    errorsOnLine++;
    add(line, column, rule, Severity.ERROR, message, hint);
  }

  void add(int line, int column, String rule, Severity severity, String message, String hint) {
    found.add(new Diagnostic(snippet.at(line, Math.max(1, column)), RuleId.of(rule), severity, message, hint));
  }

  List<Diagnostic> diagnostics() {
    return List.copyOf(found);
  }
}
