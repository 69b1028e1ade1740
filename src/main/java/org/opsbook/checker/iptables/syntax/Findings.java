package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.model.Word;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/**
 * Collects the diagnostics of one snippet, positioning each at a snippet line and column through
 * {@link Snippet#at(int, int)}. One instance per check; not thread-safe.
 */
public final class Findings {
  private final Snippet snippet;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public Findings(Snippet snippet) {
    this.snippet = snippet;
  }

  public void report(String rule, Severity severity, int line, int column, String message, String hint) {
    diagnostics.add(new Diagnostic(snippet.at(Math.max(1, line), Math.max(1, column)), RuleId.of(rule), severity, message, hint));
  }

  public void error(String rule, Word at, String message, String hint) {
    report(rule, Severity.ERROR, at.line(), at.column(), message, hint);
  }

  public void warning(String rule, Word at, String message, String hint) {
    report(rule, Severity.WARNING, at.line(), at.column(), message, hint);
  }

  public void info(String rule, Word at, String message, String hint) {
    report(rule, Severity.INFO, at.line(), at.column(), message, hint);
  }

  /** How many diagnostics have been reported so far. */
  public int count() {
    return diagnostics.size();
  }

  /** Whether any error was reported after the first {@code since} diagnostics. */
  public boolean hasErrorsSince(int since) {
    for (int i = since; i < diagnostics.size(); i++) {
      if (diagnostics.get(i).isError()) {
        return true;
      }
    }
    return false;
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public Snippet snippet() {
    return snippet;
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
