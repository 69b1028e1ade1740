package org.opsbook.checker.vcl.model;

import java.util.Map;

/** A {@code probe} declaration ({@code name} is {@code default} for the default probe). */
public record Probe(String name, Pos pos, Map<String, String> fields) {
  public Probe {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }
}
