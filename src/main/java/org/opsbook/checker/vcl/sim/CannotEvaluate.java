package org.opsbook.checker.vcl.sim;

/** The request needs something the model does not know or does not reproduce; it never guesses. */
final class CannotEvaluate extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CannotEvaluate(String reason) {
    super(reason, null, false, false);
  }
}
