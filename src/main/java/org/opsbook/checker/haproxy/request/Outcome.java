package org.opsbook.checker.haproxy.request;

import java.util.List;

/**
 * What the model says a request gets: the outcome ({@code backend NAME}, {@code return 503},
 * {@code deny 403}, {@code redirect 302 LOCATION}, {@code reject}, ...) and the clauses that
 * describe it ({@code file PATH}, {@code header Name "value"}, {@code request-header Name
 * "value"}, {@code acl NAME}).
 */
public record Outcome(String head, List<String> clauses) {
  public Outcome {
    clauses = List.copyOf(clauses);
  }

  /** The answer as test cases write it: the outcome, then the clauses, separated by commas. */
  public String text() {
    return clauses.isEmpty() ? head : head + ", " + String.join(", ", clauses);
  }
}
