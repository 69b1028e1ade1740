package org.opsbook.checker.nginx.request;

import java.util.List;

/**
 * What nginx answers a request: the outcome clause in the form test cases write it, the headers
 * add_header gives the response, and how the model got there.
 *
 * @param result {@code 301 https://...}, {@code 404}, {@code 200 "text"}, {@code file /var/www/...}
 *     (or {@code 503 file ...}), {@code proxy http://app:8080/...}
 * @param headers {@code header Name "value"} clauses, in the order nginx adds them
 * @param server how the chosen server is named: its first server_name, or its line
 * @param location the chosen location as written ({@code location = /x}), or empty
 * @param trace one line per step
 */
public record Outcome(String result, List<String> headers, String server, String location, List<String> trace) {
  public Outcome {
    headers = List.copyOf(headers);
    trace = List.copyOf(trace);
  }
}
