package org.opsbook.checker.vcl.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The header lines of a request or response as Varnish keeps them: in order, names compared
 * without regard to case; a read finds the first line; {@code set} removes every line of the name
 * and appends one; {@code unset} removes every line. Values may be {@link Values.Unknown}. Mutable;
 * one per message.
 */
final class Headers {
  private final List<Object[]> lines = new ArrayList<>();

  Headers() {}

  Headers(List<Map.Entry<String, String>> initial) {
    for (Map.Entry<String, String> e : initial) {
      lines.add(new Object[] {e.getKey(), e.getValue()});
    }
  }

  Headers copy() {
    Headers h = new Headers();
    for (Object[] l : lines) {
      h.lines.add(l.clone());
    }
    return h;
  }

  /** The first value of the name: a String, an Unknown, or null when absent. */
  Object get(String name) {
    for (Object[] l : lines) {
      if (((String) l[0]).equalsIgnoreCase(name)) {
        return l[1];
      }
    }
    return null;
  }

  boolean has(String name) {
    return lines.stream().anyMatch(l -> ((String) l[0]).equalsIgnoreCase(name));
  }

  void set(String name, Object value) {
    unset(name);
    lines.add(new Object[] {name, value});
  }

  void unset(String name) {
    lines.removeIf(l -> ((String) l[0]).equalsIgnoreCase(name));
  }

  /** Joins every line of the name into the first, with {@code sep} (http_CollectHdrSep). */
  void collect(String name, String sep) {
    int first = -1;
    StringBuilder b = null;
    boolean unknown = false;
    for (int i = 0; i < lines.size(); i++) {
      Object[] l = lines.get(i);
      if (!((String) l[0]).equalsIgnoreCase(name)) {
        continue;
      }
      if (first < 0) {
        first = i;
        unknown = l[1] instanceof Values.Unknown;
        b = new StringBuilder(unknown ? "" : (String) l[1]);
        continue;
      }
      unknown |= l[1] instanceof Values.Unknown;
      if (!unknown) {
        b.append(sep).append(((String) l[1]).stripLeading());
      }
      lines.remove(i--);
    }
    if (first >= 0) {
      lines.get(first)[1] = unknown ? new Values.Unknown("a header joined from unknown parts") : b.toString();
    }
  }

  /** Every line in order, as name and value. */
  List<Object[]> lines() {
    List<Object[]> out = new ArrayList<>();
    lines.forEach(l -> out.add(l.clone()));
    return out;
  }
}
