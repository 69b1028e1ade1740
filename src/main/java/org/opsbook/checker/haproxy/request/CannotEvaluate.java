package org.opsbook.checker.haproxy.request;

/** Thrown inside the model when a case needs something it does not evaluate; becomes Answer.cannotEvaluate. */
final class CannotEvaluate extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CannotEvaluate(String reason) {
    super(reason, null, false, false);
  }
}
