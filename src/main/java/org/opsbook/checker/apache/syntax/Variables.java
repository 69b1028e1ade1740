package org.opsbook.checker.apache.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.checker.apache.model.LineText;

/**
 * {@code ${NAME}} substitution as httpd does it on every line before splitting it (core.c,
 * ap_resolve_env): the value of a {@code Define NAME VALUE}, else of an environment variable;
 * an unknown name stays as written and httpd warns about it unless the name has a {@code :}.
 * The values replace text in one pass; a value's own {@code ${...}} is not expanded again.
 */
final class Variables {
  /** What Debian's /etc/apache2/envvars exports before apache2 starts. */
  static final Map<String, String> DEBIAN_ENVIRONMENT = Collections.unmodifiableMap(new TreeMap<>(Map.of(
      "APACHE_RUN_USER", "www-data",
      "APACHE_RUN_GROUP", "www-data",
      "APACHE_PID_FILE", "/var/run/apache2/apache2.pid",
      "APACHE_RUN_DIR", "/var/run/apache2",
      "APACHE_LOCK_DIR", "/var/lock/apache2",
      "APACHE_LOG_DIR", "/var/log/apache2",
      "LANG", "C")));

  private final Map<String, String> defined = new TreeMap<>();
  private final List<String> names = new ArrayList<>();

  /** Defines from {@code Define NAME} (no value), tested by {@code <IfDefine>}. */
  boolean isDefined(String name) {
    return names.contains(name);
  }

  void define(String name, String value) {
    if (!names.contains(name)) {
      names.add(name);
    }
    if (value != null) {
      defined.put(name, value);
    }
  }

  void undefine(String name) {
    names.remove(name);
    defined.remove(name);
  }

  /** The result of expanding one line: the new text and the names nothing defines. */
  record Expanded(LineText line, List<Undefined> undefined) {}

  /** A {@code ${NAME}} left as written, at its offset in the original line. */
  record Undefined(String name, int offset) {}

  Expanded expand(LineText line) {
    String s = line.text();
    if (s.indexOf('$') < 0) {
      return new Expanded(line, List.of());
    }
    StringBuilder out = new StringBuilder();
    List<Integer> from = new ArrayList<>();
    List<Undefined> undefined = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int close = c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{' ? s.indexOf('}', i + 2) : -1;
      if (close < 0) {
        out.append(c);
        from.add(i);
        i++;
        continue;
      }
      String name = s.substring(i + 2, close);
      String value = defined.containsKey(name) ? defined.get(name) : DEBIAN_ENVIRONMENT.get(name);
      if (value == null) {
        if (name.indexOf(':') < 0) {
          undefined.add(new Undefined(name, i));
        }
        for (int k = i; k <= close; k++) {
          out.append(s.charAt(k));
          from.add(k);
        }
      } else {
        for (int k = 0; k < value.length(); k++) {
          out.append(value.charAt(k));
          from.add(i);
        }
      }
      i = close + 1;
    }
    int[] lines = new int[out.length()];
    int[] cols = new int[out.length()];
    for (int k = 0; k < out.length(); k++) {
      lines[k] = line.lines()[from.get(k)];
      cols[k] = line.columns()[from.get(k)];
    }
    return new Expanded(new LineText(out.toString(), lines, cols, line.source(), line.firstLine(), line.lastLine()), undefined);
  }
}
