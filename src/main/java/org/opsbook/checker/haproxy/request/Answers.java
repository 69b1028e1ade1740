package org.opsbook.checker.haproxy.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.check.Comparison;

/**
 * How an expected answer compares with the model's: the outcome (the first clause) must be the
 * same; every other clause the expectation states must be among the model's, and {@code no
 * header N}, {@code no request-header N} and {@code no acl N} say the model has no such clause
 * (and, for an ACL, that it could evaluate it). Clauses the expectation leaves out are not
 * compared. Header names compare without case.
 */
public final class Answers {
  private Answers() {}

  public static Comparison compare(String expected, String actual) {
    List<String> want = clauses(expected);
    List<String> have = clauses(actual);
    if (want.isEmpty()) {
      return Comparison.unreadable("an empty expectation", "write the outcome first, e.g. backend app or return 503");
    }
    String haveHead = have.isEmpty() ? "" : have.get(0);
    if (!normal(want.get(0)).equals(normal(haveHead))) {
      return Comparison.differ("expected '" + want.get(0) + "' but the model gives '" + Comparison.collapse(actual) + "'");
    }
    List<String> haveRest = have.subList(Math.min(1, have.size()), have.size()).stream().map(Answers::normal).toList();
    for (String w : want.subList(1, want.size())) {
      String n = normal(w);
      if (n.startsWith("no ")) {
        String what = n.substring(3);
        boolean present = haveRest.stream().anyMatch(h -> h.equals(what) || h.startsWith(what + " "));
        if (present) {
          return Comparison.differ("expected '" + w + "' but the model gives '" + Comparison.collapse(actual) + "'");
        }
      } else if (!haveRest.contains(n)) {
        return Comparison.differ("expected '" + w + "' but the model gives '" + Comparison.collapse(actual) + "'");
      }
    }
    return Comparison.agree();
  }

  /** White space collapsed; the name after header/request-header lower-cased. */
  private static String normal(String clause) {
    String c = Comparison.collapse(clause);
    for (String prefix : List.of("header ", "request-header ", "no header ", "no request-header ")) {
      if (c.startsWith(prefix)) {
        int end = c.indexOf(' ', prefix.length());
        String name = end < 0 ? c.substring(prefix.length()) : c.substring(prefix.length(), end);
        return prefix + name.toLowerCase(Locale.ROOT) + (end < 0 ? "" : c.substring(end));
      }
    }
    return c;
  }

  /** Clauses separated by commas outside double quotes. */
  static List<String> clauses(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quoted && i + 1 < text.length()) {
        cur.append(c).append(text.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    out.removeIf(String::isEmpty);
    return out;
  }
}
