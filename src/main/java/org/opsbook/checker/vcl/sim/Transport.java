package org.opsbook.checker.vcl.sim;

import java.util.Locale;
import java.util.Map;

/**
 * What Varnish refuses with a 400 before any VCL runs, as far as a question can show it: more
 * than one Host or Content-Length header (cnt_recv), and from the HTTP/1 reader a body whose
 * length cannot be told, an HTTP/1.0 POST or PUT without one, a HEAD with one
 * (HTTP1_DissectRequest and http1_body_status of Varnish 7.1).
 */
final class Transport {
  private Transport() {}

  /** Why the request is refused, or {@code null} when VCL gets it. */
  static String refusal(Request q) {
    long hosts = q.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("Host")).count();
    long lengths = q.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Length")).count();
    if (hosts > 1) {
      return "more than one Host header";
    }
    if (lengths > 1) {
      return "more than one Content-Length header";
    }
    if (!q.proto().equals("HTTP/1.0") && !q.proto().equals("HTTP/1.1")) {
      return null;
    }
    String cl = null;
    int clCount = 0;
    String te = null;
    boolean keepAlive = false;
    for (Map.Entry<String, String> h : q.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> {
          cl = h.getValue();
          clCount++;
        }
        case "transfer-encoding" -> te = te == null ? h.getValue() : te;
        case "connection" -> keepAlive |= h.getValue().equalsIgnoreCase("keep-alive");
        default -> {
          // other headers do not decide the body
        }
      }
    }
    if (cl != null && (clCount > 1 || !cl.strip().matches("[0-9]{1,18}"))) {
      return "a Content-Length that is not one number";
    }
    boolean body;
    if (te != null) {
      if (!te.strip().equalsIgnoreCase("chunked")) {
        return "a Transfer-Encoding other than chunked";
      }
      if (cl != null) {
        return "both Transfer-Encoding and Content-Length";
      }
      body = true;
    } else if (cl != null) {
      body = Long.parseLong(cl.strip()) > 0;
    } else if (q.proto().equals("HTTP/1.1") || keepAlive) {
      body = false;
    } else {
      if (q.method().equals("POST") || q.method().equals("PUT")) {
        return "an HTTP/1.0 " + q.method() + " without Content-Length";
      }
      body = false;
    }
    if (body && q.method().equals("HEAD")) {
      return "a HEAD request with a body";
    }
    return null;
  }
}
