package org.opsbook.checker.apache.request;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** URL escaping and unescaping as httpd does it (util.c). Pure functions. */
final class Urls {
  /** Characters ap_escape_uri (ap_os_escape_path) leaves alone besides letters and digits. */
  private static final String PATH_SAFE = "$-_.+!*'(),:@&=/~";

  private Urls() {}

  /** Schemes mod_rewrite takes as absolute URLs (is_absolute_uri), and whether a query string makes sense for them. */
  private static final String[][] SCHEMES = {
    {"ajp://", "1"}, {"balancer://", "1"}, {"ftp://", "0"}, {"fcgi://", "1"}, {"gopher://", "0"}, {"http://", "1"},
    {"https://", "1"}, {"h2://", "1"}, {"h2c://", "1"}, {"ldap://", "0"}, {"mailto:", "1"}, {"news:", "0"},
    {"nntp://", "0"}, {"scgi://", "1"}, {"ws://", "1"}, {"wss://", "1"}, {"unix:", "1"},
  };

  /** The length of the scheme part if {@code uri} is an absolute URL for mod_rewrite, else 0. */
  static int absoluteUriPrefix(String uri) {
    for (String[] s : SCHEMES) {
      if (uri.regionMatches(true, 0, s[0], 0, s[0].length())) {
        return s[0].length();
      }
    }
    return 0;
  }

  static boolean isAbsoluteUri(String uri) {
    return absoluteUriPrefix(uri) > 0;
  }

  static boolean queryMakesSense(String uri) {
    for (String[] s : SCHEMES) {
      if (uri.regionMatches(true, 0, s[0], 0, s[0].length())) {
        return s[1].equals("1");
      }
    }
    return false;
  }

  /** ap_unescape_url: %XX decoded; returns null for a bad escape (httpd answers 400). */
  static String unescape(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '%') {
        if (i + 2 >= b.length || Character.digit(b[i + 1], 16) < 0 || Character.digit(b[i + 2], 16) < 0) {
          return null;
        }
        out.write(Character.digit(b[i + 1], 16) * 16 + Character.digit(b[i + 2], 16));
        i += 2;
      } else {
        out.write(b[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** ap_escape_uri: everything but letters, digits and {@value #PATH_SAFE} as %XX. */
  static String escapePath(String s) {
    StringBuilder out = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if (c < 128 && (Character.isLetterOrDigit(c) || PATH_SAFE.indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02x", x & 0xff));
      }
    }
    return out.toString();
  }
}
