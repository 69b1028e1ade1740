package org.opsbook.checker.haproxy.model;

import java.util.Optional;

/** The section keywords HAProxy 2.6 registers (cfgparse.c's {@code sections} list, as Debian builds it). */
public enum SectionKind {
  GLOBAL("global"), DEFAULTS("defaults"), FRONTEND("frontend"), BACKEND("backend"), LISTEN("listen"),
  USERLIST("userlist"), PEERS("peers"), MAILERS("mailers"), RESOLVERS("resolvers"), PROGRAM("program"),
  HTTP_ERRORS("http-errors"), CACHE("cache"), RING("ring"), LOG_FORWARD("log-forward"), FCGI_APP("fcgi-app"),
  NAMESPACE_LIST("namespace_list");

  private final String keyword;

  SectionKind(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  public static Optional<SectionKind> of(String word) {
    for (SectionKind k : values()) {
      if (k.keyword.equals(word)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** Frontend, backend, listen or defaults: the sections cfg_parse_listen reads. */
  public boolean isProxy() {
    return this == DEFAULTS || this == FRONTEND || this == BACKEND || this == LISTEN;
  }

  public boolean hasFrontend() {
    return this == FRONTEND || this == LISTEN || this == DEFAULTS;
  }

  public boolean hasBackend() {
    return this == BACKEND || this == LISTEN || this == DEFAULTS;
  }
}
