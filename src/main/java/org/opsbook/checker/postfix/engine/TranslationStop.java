package org.opsbook.checker.postfix.engine;

/** Stops a translation at its first problem; caught by the translator, never escapes it. */
final class TranslationStop extends RuntimeException {
  private final RegexProblem problem;

  TranslationStop(RegexProblem problem) {
    super(problem.message(), null, false, false);
    this.problem = problem;
  }

  RegexProblem problem() {
    return problem;
  }
}
