package org.opsbook.checker.vcl.sim;

import java.util.List;
import java.util.Objects;

/**
 * What the model says about one request: the action that decides its fate ({@code hash},
 * {@code pass}, {@code pipe}, {@code synth 503 "Service Unavailable"}, ...) and the facts that go
 * with it, each a clause such as {@code backend app} or {@code resp.http.Retry-After: 1800}.
 *
 * @param action the first clause
 * @param clauses the others, in a stable order
 * @param trace the steps that led there, one a line
 */
public record Outcome(String action, List<Clause> clauses, List<String> trace) {
  public Outcome {
    Objects.requireNonNull(action, "action");
    clauses = List.copyOf(clauses);
    trace = List.copyOf(trace);
  }

  /**
   * One fact: {@code key} identifies what it is about (lower case), {@code text} is how it reads.
   *
   * @param known false when the value is not known to the model
   */
  public record Clause(String key, String text, boolean known) {}

  /** Everything on one line, clauses separated by "; ". */
  public String text() {
    StringBuilder b = new StringBuilder(action);
    for (Clause c : clauses) {
      b.append("; ").append(c.text());
    }
    return b.toString();
  }
}
