package org.opsbook.publish;

/**
 * Publishing could not go ahead or did not finish; the message says what and what to do, and is
 * printed to the user as it is. The live site is unchanged whenever this is thrown before the
 * switch of {@code current}.
 */
public final class PublishException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean refused;

  private PublishException(String message, boolean refused, Throwable cause) {
    super(message, cause);
    this.refused = refused;
  }

  /** The site is not fit to publish (a failed build, drafts): a finding, not an I/O failure. */
  public static PublishException refused(String message) {
    return new PublishException(message, true, null);
  }

  public static PublishException failed(String message) {
    return new PublishException(message, false, null);
  }

  public static PublishException failed(String message, Throwable cause) {
    return new PublishException(message, false, cause);
  }

  public boolean isRefusal() {
    return refused;
  }
}
