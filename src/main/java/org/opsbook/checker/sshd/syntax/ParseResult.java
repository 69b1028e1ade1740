package org.opsbook.checker.sshd.syntax;

import java.util.List;
import java.util.Objects;
import org.opsbook.checker.sshd.model.SshdConfig;
import org.opsbook.diag.Diagnostic;

/**
 * What {@link SshdParser} returns: the configuration (without the lines sshd would reject) and the
 * parser's findings, positioned in the file the author edits.
 */
public record ParseResult(SshdConfig config, List<Diagnostic> diagnostics) {
  public ParseResult {
    Objects.requireNonNull(config, "config");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
