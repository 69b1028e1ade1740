package org.opsbook.snippet;

import java.util.List;
import java.util.Objects;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;

/**
 * A snippet after checking.
 *
 * @param snippet the snippet as read
 * @param checkerId the checker that read it, or empty when unchecked
 * @param shown every diagnostic to show beside the snippet, including expected ones
 * @param counted the diagnostics that count against the build
 * @param status what the badge says
 */
public record CheckedSnippet(
    Snippet snippet, String checkerId, List<Diagnostic> shown, List<Diagnostic> counted, SnippetStatus status) {
  public CheckedSnippet {
    Objects.requireNonNull(snippet);
    Objects.requireNonNull(checkerId);
    Objects.requireNonNull(status);
    shown = List.copyOf(shown);
    counted = List.copyOf(counted);
  }

  public boolean isChecked() {
    return status != SnippetStatus.UNCHECKED;
  }
}
