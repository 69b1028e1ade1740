package org.opsbook.theme;

/** A theme that cannot be loaded or a template that cannot be rendered; the message says which and why. */
public final class ThemeException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;

  public ThemeException(String file, int line, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.line = Math.max(1, line);
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
