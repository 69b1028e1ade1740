package org.opsbook.checker.vcl.sim;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One client request as a test case or query states it, and the facts about the world the VCL may
 * ask for.
 *
 * @param headers the request headers in order, names as written
 * @param client the client address, 4 or 16 bytes
 * @param clientPort the client's port, or -1 when the question does not give it
 * @param server the address the request arrived at
 * @param existing paths that exist, for std.file_exists
 * @param missing paths that do not exist
 * @param healthy backends (by name) that are healthy, for std.healthy
 * @param sick backends that are not
 */
public record Request(String method, String url, String proto, List<Map.Entry<String, String>> headers,
    byte[] client, int clientPort, byte[] server, int serverPort, Set<String> existing, Set<String> missing,
    Set<String> healthy, Set<String> sick) {
  public Request {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(proto, "proto");
    headers = List.copyOf(headers);
    client = client.clone();
    server = server.clone();
    existing = Set.copyOf(existing);
    missing = Set.copyOf(missing);
    healthy = Set.copyOf(healthy);
    sick = Set.copyOf(sick);
  }

  @Override
  public byte[] client() {
    return client.clone();
  }

  @Override
  public byte[] server() {
    return server.clone();
  }
}
