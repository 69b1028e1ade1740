package org.opsbook.checker.nginx.model;

/**
 * Where a snippet's top-level directives stand: a whole nginx.conf, or a piece that nginx would
 * read inside {@code http { }}, inside {@code http { server { } }}, or inside a location of such
 * a server.
 */
public enum Wrap {
  MAIN("a whole nginx.conf"),
  HTTP("inside http { }"),
  SERVER("inside http { server { } }"),
  LOCATION("inside http { server { location / { } } }");

  private final String description;

  Wrap(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
