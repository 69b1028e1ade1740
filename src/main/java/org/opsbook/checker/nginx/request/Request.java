package org.opsbook.checker.nginx.request;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One request as a question states it.
 *
 * @param method the request method, as sent
 * @param scheme {@code http} or {@code https}: which kind of listen it arrives at
 * @param port the port it arrives at
 * @param target the request target as sent: path and query, percent-encoding kept
 * @param headers request headers by lower-case name ({@code host} included)
 * @param client the client's address
 * @param local the server address it arrives at, or {@code null} when the question leaves it open
 * @param files the files that exist, or {@code null} when the question states none (then any file
 *     test makes the case unevaluable)
 */
public record Request(String method, String scheme, int port, String target, SortedMap<String, String> headers,
    String client, String local, Set<String> files) {
  public Request {
    Objects.requireNonNull(method, "method");
    headers = new TreeMap<>(headers);
    files = files == null ? null : Set.copyOf(files);
  }

  public String header(String name) {
    return headers.get(name);
  }

  public Map<String, String> cookies() {
    Map<String, String> out = new TreeMap<>();
    String c = headers.get("cookie");
    if (c == null) {
      return out;
    }
    for (String part : c.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.putIfAbsent(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
      }
    }
    return out;
  }
}
