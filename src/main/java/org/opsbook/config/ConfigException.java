package org.opsbook.config;

import java.util.List;
import org.opsbook.diag.Diagnostic;

/**
 * A problem that stops a run before any snippet is checked: bad configuration, a missing theme,
 * an unreadable content folder. Carries diagnostics rather than a stack trace; exit code 2.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public ConfigException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "configuration error" : diagnostics.get(0).toString());
    this.diagnostics = List.copyOf(diagnostics);
  }

  public ConfigException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
