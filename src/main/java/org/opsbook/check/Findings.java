package org.opsbook.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * Collects the findings of one snippet's check. A finding names its rule by its {@link RuleInfo},
 * so its severity is always the rule's declared one (the site may change it later, once, in
 * {@link ModelChecker}), and positions are given in snippet lines and columns and placed in the
 * edited file through {@link Snippet#at(int, int)}.
 *
 * <p>One instance per check; not thread-safe.
 */
public final class Findings {
  private final Snippet snippet;
  private final List<Finding> found = new ArrayList<>();
  private final List<IncludedFiles.Unread> unread = new ArrayList<>();

  public Findings(Snippet snippet) {
    this.snippet = Objects.requireNonNull(snippet, "snippet");
  }

  /** A finding of {@code rule} with its rule's severity, at a line and column of the snippet. */
  record Finding(RuleInfo rule, Diagnostic diagnostic) {}

  /**
   * Reports a finding at a snippet line and column (both 1-based; values below 1 are read as 1).
   *
   * @param hint what to do about it, or {@code null} when the message says it
   */
  public void report(RuleInfo rule, int line, int column, String message, String hint) {
    add(rule, snippet.at(Math.max(1, line), Math.max(1, column)), message, hint);
  }

  public void report(RuleInfo rule, int line, int column, String message) {
    report(rule, line, column, message, null);
  }

  /** Reports a finding about the snippet as a whole, at its opening fence. */
  public void reportSnippet(RuleInfo rule, String message, String hint) {
    add(rule, snippet.fence(), message, hint);
  }

  /** Reports a finding at a position already placed in the edited file, such as a test case's. */
  public void reportAt(RuleInfo rule, SourceSpan where, String message, String hint) {
    add(rule, where, message, hint);
  }

  private void add(RuleInfo rule, SourceSpan where, String message, String hint) {
    Objects.requireNonNull(rule, "rule");
    found.add(new Finding(rule, new Diagnostic(where, rule.id(), rule.severity(), message, hint)));
  }

  /**
   * Records that a file the configuration includes exists but could not be read (see {@link
   * IncludedFiles#unread}), as a path and why. The checker reports it too; this only tells {@link
   * ModelChecker} that the model lacks that file's settings, so that whole-file rules stay quiet
   * (a setting they call missing may be in it) and no test case or query is answered.
   */
  public void markUnread(IncludedFiles.Unread file) {
    unread.add(Objects.requireNonNull(file, "file"));
  }

  /** The files marked with {@link #markUnread}; empty for a whole model. */
  public List<IncludedFiles.Unread> unread() {
    return List.copyOf(unread);
  }

  public Snippet snippet() {
    return snippet;
  }

  /** How many findings have been reported so far; a mark for {@link #hasErrorsSince(int)}. */
  public int count() {
    return found.size();
  }

  public boolean hasErrors() {
    return hasErrorsSince(0);
  }

  /** Whether an error was reported after the first {@code mark} findings. */
  public boolean hasErrorsSince(int mark) {
    for (int i = mark; i < found.size(); i++) {
      if (found.get(i).diagnostic().isError()) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code rule} has been reported. */
  public boolean contains(RuleInfo rule) {
    return found.stream().anyMatch(f -> f.rule().id().equals(rule.id()));
  }

  /** The findings in the order they were reported, with their rules' severities. */
  public List<Diagnostic> diagnostics() {
    return found.stream().map(Finding::diagnostic).toList();
  }

  List<Finding> findings() {
    return List.copyOf(found);
  }
}
