package org.opsbook.checker.nginx.request;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The URI nginx matches locations against ({@code $uri}): percent-decoded, slashes merged, dot
 * segments resolved (nginx: ngx_http_parse_complex_uri). Pure functions.
 */
final class Uris {
  private Uris() {}

  /** The normalised path, or null when it climbs above the root (nginx answers 400). */
  static String normalize(String path) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) >= 0 && hex(path.charAt(i + 2)) >= 0) {
        bytes.write(hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2)));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    String decoded = bytes.toString(StandardCharsets.UTF_8);
    Deque<String> out = new ArrayDeque<>();
    String[] parts = decoded.split("/", -1);
    boolean trailing = false;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      trailing = i == parts.length - 1 && (p.isEmpty() || p.equals(".") || p.equals(".."));
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (out.isEmpty()) {
          return null;
        }
        out.removeLast();
        continue;
      }
      out.addLast(p);
    }
    StringBuilder s = new StringBuilder();
    for (String p : out) {
      s.append('/').append(p);
    }
    if (s.length() == 0 || trailing) {
      s.append('/');
    }
    return s.toString();
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
