package org.opsbook.checker.haproxy.model;

import java.util.List;

/**
 * What the global sections set that checks and the request model need.
 *
 * @param bufsize {@code tune.bufsize} (HAProxy's default: 16384)
 * @param maxrewrite {@code tune.maxrewrite} (default: 1024, or half the buffer when that is smaller)
 * @param sslDefaultBindOptions the words of {@code ssl-default-bind-options}, with their line
 * @param sslDefaultServerOptions the words of {@code ssl-default-server-options}
 * @param sslServerVerify the {@code ssl-server-verify} value, {@code required} by default
 */
public record Globals(int bufsize, int maxrewrite, List<Line> sslDefaultBindOptions,
    List<Line> sslDefaultServerOptions, String sslServerVerify) {
  public static final int DEFAULT_BUFSIZE = 16384;
  public static final int DEFAULT_MAXREWRITE = 1024;

  public Globals {
    sslDefaultBindOptions = List.copyOf(sslDefaultBindOptions);
    sslDefaultServerOptions = List.copyOf(sslDefaultServerOptions);
  }
}
