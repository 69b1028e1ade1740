package org.opsbook.markdown;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a browser would make of a URL written in a page. Reads the URL the way the WHATWG URL
 * parser does before it looks at the scheme: leading and trailing C0 control characters and spaces
 * are dropped, and tabs and newlines are removed wherever they are (so {@code "java\tscript:"} is
 * {@code javascript:}); character references must already be decoded by the caller (flexmark's
 * {@code unescape()}, jsoup's attribute values).
 */
public final class UrlSafety {
  /** Schemes that run code or carry a document of their own, bypassing the site's CSP. */
  static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "vbscript", "data");
  private static final Set<String> NETWORK_SCHEMES = Set.of("http", "https", "ftp", "ftps", "ws", "wss");

  private UrlSafety() {}

  /** The URL as the browser's parser sees it. */
  static String browserForm(String url) {
    int start = 0;
    int end = url.length();
    while (start < end && url.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && url.charAt(end - 1) <= ' ') {
      end--;
    }
    StringBuilder b = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = url.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The URL's scheme in lower case, or empty for a relative URL. */
  static Optional<String> scheme(String url) {
    String s = browserForm(url);
    int colon = s.indexOf(':');
    if (colon <= 0 || !isAsciiLetter(s.charAt(0))) {
      return Optional.empty();
    }
    for (int i = 1; i < colon; i++) {
      char c = s.charAt(i);
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        return Optional.empty();
      }
    }
    return Optional.of(s.substring(0, colon).toLowerCase(Locale.ROOT));
  }

  /** The forbidden scheme ({@code javascript}, {@code vbscript}, {@code data}) the URL uses, if any. */
  public static Optional<String> forbiddenScheme(String url) {
    return scheme(url).filter(FORBIDDEN_SCHEMES::contains);
  }

  /** Whether fetching the URL would contact another host: a network scheme, or {@code //host/...}. */
  public static boolean isExternal(String url) {
    String s = browserForm(url);
    // Browsers read a backslash as a slash in http(s) URLs, so /\host and \\host are protocol-relative.
    if (s.length() >= 2 && (s.charAt(0) == '/' || s.charAt(0) == '\\') && (s.charAt(1) == '/' || s.charAt(1) == '\\')) {
      return true;
    }
    return scheme(s).filter(NETWORK_SCHEMES::contains).isPresent();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
