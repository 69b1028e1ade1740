package org.opsbook.checker.vcl.regex;

/** PCRE2 refuses the pattern: its own message. */
final class Pcre2Error extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Pcre2Error(String message) {
    super(message, null, false, false);
  }
}
