package org.opsbook.check;

import java.util.List;
import java.util.Objects;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * The answer of an executable model to {@code opsbook query}.
 *
 * @param output what to print, lines ending with {@code \n} (like {@code sshd -T} or {@code
 *     postmap -q} would print), possibly empty
 * @param found {@code false} when the model has no answer (postmap's "not found", exit 1)
 * @param diagnostics problems with the snippet or the query; an error means no answer
 */
public record QueryResult(String output, boolean found, List<Diagnostic> diagnostics) {
  public QueryResult {
    Objects.requireNonNull(output, "output");
    diagnostics = List.copyOf(diagnostics);
  }

  public static QueryResult found(String output) {
    return new QueryResult(output, true, List.of());
  }

  public static QueryResult notFound() {
    return new QueryResult("", false, List.of());
  }

  public static QueryResult failed(List<Diagnostic> diagnostics) {
    return new QueryResult("", false, diagnostics);
  }

  public static QueryResult unsupported(String checkerId, Snippet subject) {
    return failed(
        List.of(
            new Diagnostic(
                subject.fence(),
                CoreRules.QUERY_UNSUPPORTED,
                Severity.ERROR,
                "checker '" + checkerId + "' has no executable model to query",
                null)));
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
