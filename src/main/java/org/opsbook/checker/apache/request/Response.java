package org.opsbook.checker.apache.request;

import java.util.List;
import java.util.Objects;

/**
 * What httpd answers to a request, as far as the model follows it.
 *
 * @param status the status code; 0 for a proxied request (the upstream decides)
 * @param kind what produces the body
 * @param target the file, upstream URL, Location, or message, by kind; empty for a bare status
 * @param headers response headers set by the configuration, in the order they are set
 * @param vhost which server answered: its ServerName, or "main"
 * @param trace how the model got there, one step per line
 */
public record Response(int status, Kind kind, String target, List<Header> headers, String vhost, List<String> trace) {

  /** What produces the response. */
  public enum Kind {
    /** A file from disk. */
    FILE,
    /** mod_proxy passes the request to an upstream URL. */
    PROXY,
    /** A redirect with a Location. */
    REDIRECT,
    /** httpd's own response for the status. */
    STATUS,
    /** An ErrorDocument message. */
    MESSAGE,
    /** A generated folder listing (mod_autoindex). */
    INDEX
  }

  /** One response header. */
  public record Header(String name, String value) {}

  public Response {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    headers = List.copyOf(headers);
    trace = List.copyOf(trace);
  }
}
