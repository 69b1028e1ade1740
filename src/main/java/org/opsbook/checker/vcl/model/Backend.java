package org.opsbook.checker.vcl.model;

import java.util.Map;

/**
 * A {@code backend} declaration. {@code fields} holds each {@code .field = value} as written
 * (strings without quotes), in order.
 *
 * @param none whether it is {@code backend NAME none;}
 */
public record Backend(String name, Pos pos, boolean none, Map<String, String> fields, Map<String, Pos> fieldPositions) {
  public Backend {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    fieldPositions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fieldPositions));
  }

  public String host() {
    return fields.get("host");
  }
}
