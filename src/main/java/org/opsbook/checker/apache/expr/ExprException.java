package org.opsbook.checker.apache.expr;

/** An expression httpd refuses, with httpd's message. Thrown only inside this package. */
final class ExprException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ExprException(String message) {
    super(message, null, false, false);
  }
}
