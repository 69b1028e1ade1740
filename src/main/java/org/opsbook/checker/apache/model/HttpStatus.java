package org.opsbook.checker.apache.model;

/** The status codes httpd has a status line for (http_protocol.c, status_lines). Pure functions. */
public final class HttpStatus {
  private HttpStatus() {}

  /** Whether httpd knows the code; ap_index_of_response maps every other code to 500. */
  public static boolean isKnown(int n) {
    if (n >= 100 && n <= 102) {
      return true;
    }
    if (n >= 200 && n <= 299) {
      return n <= 208 || n == 226;
    }
    if (n >= 300 && n <= 399) {
      return n <= 308 && n != 306;
    }
    if (n >= 400 && n <= 499) {
      return n <= 417 || (n >= 421 && n <= 424) || n == 426 || n == 428 || n == 429 || n == 431 || n == 451;
    }
    if (n >= 500 && n <= 599) {
      return n <= 508 || n == 510 || n == 511;
    }
    return false;
  }

  /** ap_is_HTTP_REDIRECT: 300 to 399. */
  public static boolean isRedirect(int n) {
    return n >= 300 && n <= 399;
  }
}
