package org.opsbook.checker.apache.request;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One HTTP request as a test states it.
 *
 * @param method the method, upper case
 * @param scheme http or https
 * @param host the Host header's host, lower case, without port
 * @param port the port the request arrives at
 * @param path the path as sent, still %-encoded
 * @param query the query string as sent, or {@code null} without {@code ?}
 * @param headers request headers by name, case-insensitively
 * @param client the client address (REMOTE_ADDR)
 * @param local the server address the connection arrives at, or {@code null} when not stated
 * @param facts the files and folders that exist
 */
public record Request(String method, String scheme, String host, int port, String path, String query,
    SortedMap<String, String> headers, String client, String local, Facts facts) {
  public Request {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    headers = Collections.unmodifiableSortedMap(h);
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  public boolean isHttps() {
    return scheme.equals("https");
  }

  /** The request's headers plus one more (or replaced). */
  public Request withHeaders(Map<String, String> more) {
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    h.putAll(more);
    return new Request(method, scheme, host, port, path, query, h, client, local, facts);
  }
}
