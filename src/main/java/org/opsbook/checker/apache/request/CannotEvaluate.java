package org.opsbook.checker.apache.request;

/** The model reached something it does not cover; the case says so instead of guessing. */
final class CannotEvaluate extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CannotEvaluate(String reason) {
    super(reason, null, false, false);
  }
}
