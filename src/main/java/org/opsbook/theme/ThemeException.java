package org.opsbook.theme;

/** A theme that cannot be loaded or a template that cannot be rendered; the message says which and why. */
public final class ThemeException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;
  private final boolean linkOut;

  public ThemeException(String file, int line, String message, Throwable cause) {
    this(file, line, message, cause, false);
  }

  private ThemeException(String file, int line, String message, Throwable cause, boolean linkOut) {
    super(message, cause);
    this.file = file;
    this.line = Math.max(1, line);
    this.linkOut = linkOut;
  }

  /** A theme file or folder that is, or passes through, a symbolic link leading where it must not. */
  public static ThemeException linkOut(String file, String message) {
    return new ThemeException(file, 1, message, null, true);
  }

  /** Whether this is {@link #linkOut}: the theme is refused for a link, not for a template's text. */
  public boolean isLinkOut() {
    return linkOut;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
