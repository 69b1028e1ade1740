package org.opsbook.checker.haproxy.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as a question describes it, with the facts that hold while it is served.
 *
 * @param scheme http or https (from an absolute URL; http for an origin-form one)
 * @param path the path, without the query
 * @param query the query string without {@code ?}, or null when the URL has none
 * @param headers request headers in order, names as written
 * @param client the client's address
 * @param maps entries set with {@code set map PATH KEY VALUE}, by map path then key
 * @param frontend the frontend named with {@code frontend NAME}, if any
 */
public record Request(String method, String scheme, String path, String query, List<Map.Entry<String, String>> headers,
    String client, Map<String, Map<String, String>> maps, Optional<String> frontend) {
  public Request {
    headers = List.copyOf(headers);
    Map<String, Map<String, String>> copy = new TreeMap<>();
    maps.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new TreeMap<>(v))));
    maps = java.util.Collections.unmodifiableMap(copy);
  }

  /** The URL as HAProxy's {@code url} fetch sees an origin-form request line. */
  public String url() {
    return query == null ? path : path + "?" + query;
  }

  /** Every value of a header, in order (whole lines, not split at commas). */
  public List<String> headerLines(String name) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        out.add(h.getValue());
      }
    }
    return out;
  }

  /** The Host header without a port, lower-cased, or empty. */
  public String host() {
    List<String> host = headerLines("host");
    return host.isEmpty() ? "" : host.get(0).toLowerCase(Locale.ROOT);
  }

  public Request withHeaders(List<Map.Entry<String, String>> newHeaders) {
    return new Request(method, scheme, path, query, newHeaders, client, maps, frontend);
  }

  public Request withPath(String newPath, String newQuery) {
    return new Request(method, scheme, newPath, newQuery, headers, client, maps, frontend);
  }
}
