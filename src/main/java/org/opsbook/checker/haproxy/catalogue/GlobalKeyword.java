package org.opsbook.checker.haproxy.catalogue;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A keyword of the global section with the form of its arguments, as {@code haproxy -c} checks
 * them (see global.txt).
 *
 * @param form flag, int, arg, onoff, time, any, removed or unknown
 * @param message HAProxy's words when the argument is missing (or, for removed ones, why), or empty
 */
public record GlobalKeyword(String name, String form, String message) {
  private static final Map<String, GlobalKeyword> ALL = read();

  private static Map<String, GlobalKeyword> read() {
    Map<String, GlobalKeyword> out = new TreeMap<>();
    for (String line : Resources.lines("global.txt")) {
      String[] f = line.split(" ", 3);
      out.put(f[0], new GlobalKeyword(f[0], f[1], f.length > 2 ? f[2] : ""));
    }
    return Collections.unmodifiableMap(out);
  }

  public static Optional<GlobalKeyword> of(String name) {
    return Optional.ofNullable(ALL.get(name)).filter(k -> !k.form.equals("unknown"));
  }

  /** Every known keyword name, for suggestions. */
  public static java.util.Set<String> names() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    ALL.values().stream().filter(k -> !k.form.equals("unknown")).forEach(k -> out.add(k.name()));
    return out;
  }
}
