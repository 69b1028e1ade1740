package org.opsbook.publish;

/**
 * A folder opsbook refuses to write into or replace, said before anything was touched: the
 * message says what the folder is and what replacing it would destroy, the hint what to do.
 */
public final class UnsafeOutputException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public UnsafeOutputException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
