package org.opsbook.checker.apache.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.check.Comparison;

/**
 * The answer grammar, written and read:
 *
 * <pre>
 * ANSWER  := OUTCOME { ", " PART }
 * OUTCOME := STATUS [file PATH | index PATH | message "TEXT" | URL] | file PATH | proxy URL
 * PART    := header NAME VALUE | no header NAME | vhost NAME
 * </pre>
 *
 * A VALUE with spaces or commas is written in double quotes. An expected answer states the
 * outcome and only the parts it cares about: every header it names must be set to that value,
 * every {@code no header} must be absent, and {@code vhost} must be the one that answered.
 */
final class AnswerFormat {
  private AnswerFormat() {}

  static String format(Response r) {
    StringBuilder out = new StringBuilder(outcome(r));
    out.append(", vhost ").append(r.vhost());
    for (Response.Header h : r.headers()) {
      out.append(", header ").append(h.name()).append(' ').append(quote(h.value()));
    }
    return out.toString();
  }

  static String outcome(Response r) {
    return switch (r.kind()) {
      case PROXY -> "proxy " + r.target();
      case FILE -> r.status() + " file " + r.target();
      case INDEX -> r.status() + " index " + r.target();
      case MESSAGE -> r.status() + " message " + quote(r.target());
      case REDIRECT -> r.status() + " " + r.target();
      case STATUS -> Integer.toString(r.status());
    };
  }

  static String quote(String v) {
    if (!v.isEmpty() && v.chars().noneMatch(c -> c == ' ' || c == ',' || c == '"' || c == '\t')) {
      return v;
    }
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** An expected answer, read. */
  record Expected(Integer status, String kind, String target, List<String[]> headers, List<String> absent, String vhost) {}

  static Expected parse(String text) {
    List<String> parts = split(text.strip().replaceAll("\\s*\n\\s*", " "));
    if (parts.isEmpty() || parts.get(0).isBlank()) {
      throw new IllegalArgumentException("the expected answer is empty");
    }
    List<String> first = words(parts.get(0));
    Integer status = null;
    int i = 0;
    if (first.get(0).matches("[0-9]{3}")) {
      status = Integer.parseInt(first.get(0));
      i = 1;
    }
    String kind = null;
    String target = null;
    if (i < first.size()) {
      String w = first.get(i).toLowerCase(Locale.ROOT);
      if (w.equals("file") || w.equals("proxy") || w.equals("index") || w.equals("message")) {
        if (i + 1 >= first.size()) {
          throw new IllegalArgumentException("'" + w + "' needs what follows it (a path, URL or message)");
        }
        kind = w;
        target = unquote(String.join(" ", first.subList(i + 1, first.size())));
      } else if (status != null && first.size() == 2) {
        kind = "redirect";
        target = first.get(1);
      } else {
        throw new IllegalArgumentException("'" + parts.get(0) + "' is not an outcome: write a status, then file PATH, "
            + "index PATH, message \"...\" or a redirect URL; or proxy URL");
      }
    }
    if (status == null && (kind == null || kind.equals("message") || kind.equals("redirect"))) {
      throw new IllegalArgumentException("'" + parts.get(0) + "' needs a status");
    }
    if (status == null && !kind.equals("proxy")) {
      status = 200;
    }
    List<String[]> headers = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    String vhost = null;
    for (String part : parts.subList(1, parts.size())) {
      List<String> w = words(part);
      if (w.size() >= 3 && w.get(0).equals("header")) {
        headers.add(new String[] {w.get(1), unquote(part.strip().substring(part.strip().indexOf(w.get(1)) + w.get(1).length()).strip())});
      } else if (w.size() == 3 && w.get(0).equals("no") && w.get(1).equals("header")) {
        absent.add(w.get(2));
      } else if (w.size() == 2 && w.get(0).equals("vhost")) {
        vhost = w.get(1);
      } else {
        throw new IllegalArgumentException("'" + part.strip() + "' is not header NAME VALUE, no header NAME or vhost NAME");
      }
    }
    return new Expected(status, kind, target, headers, absent, vhost);
  }

  /** Compares an expected answer with the model's full answer (both in this grammar). */
  static Comparison compare(String expectedText, String actualText) {
    Expected e;
    try {
      e = parse(expectedText);
    } catch (IllegalArgumentException ex) {
      return Comparison.unreadable(ex.getMessage(), "write e.g. 301 https://www.example.org/, or 200 file /var/www/html/index.html, "
          + "header Cache-Control no-store, or proxy http://127.0.0.1:8080/");
    }
    Expected a = parse(actualText);
    List<String> wrong = new ArrayList<>();
    String outcome = split(actualText).get(0);
    boolean outcomeOk = java.util.Objects.equals(e.status(), a.status())
        && (e.kind() == null ? !"proxy".equals(a.kind()) : e.kind().equals(a.kind()) && e.target().equals(a.target()));
    if (!outcomeOk) {
      wrong.add("expected " + describe(e) + " but the model gives " + outcome);
    }
    for (String[] h : e.headers()) {
      List<String> values = a.headers().stream().filter(x -> x[0].equalsIgnoreCase(h[0])).map(x -> x[1]).toList();
      if (!values.contains(h[1])) {
        wrong.add("expected header " + h[0] + " " + quote(h[1]) + " but "
            + (values.isEmpty() ? "it is not set" : "it is " + String.join(" and ", values.stream().map(AnswerFormat::quote).toList())));
      }
    }
    for (String name : e.absent()) {
      if (a.headers().stream().anyMatch(x -> x[0].equalsIgnoreCase(name))) {
        wrong.add("expected no header " + name + " but it is set");
      }
    }
    if (e.vhost() != null && !e.vhost().equalsIgnoreCase(a.vhost())) {
      wrong.add("expected vhost " + e.vhost() + " but " + a.vhost() + " answers");
    }
    return wrong.isEmpty() ? Comparison.agree() : Comparison.differ(String.join("; ", wrong) + " (full answer: " + actualText + ")");
  }

  private static String describe(Expected e) {
    if (e.kind() == null) {
      return Integer.toString(e.status());
    }
    if (e.kind().equals("proxy")) {
      return "proxy " + e.target();
    }
    return e.status() + (e.kind().equals("redirect") ? "" : " " + e.kind()) + " " + e.target();
  }

  /** Splits at commas outside double quotes. */
  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && quoted && i + 1 < s.length()) {
        cur.append(c).append(s.charAt(++i));
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
    out.add(cur.toString().strip());
    return out;
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.strip().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  static String unquote(String v) {
    String s = v.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < s.length() - 1; i++) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length() - 1) {
          out.append(s.charAt(++i));
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
    return s;
  }
}
