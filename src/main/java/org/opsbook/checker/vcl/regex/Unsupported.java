package org.opsbook.checker.vcl.regex;

/** A construct opsbook does not reproduce; it neither accepts nor refuses the pattern. */
final class Unsupported extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Unsupported(String what) {
    super(what, null, false, false);
  }
}
