package org.opsbook.checker.haproxy.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.haproxy.model.SampleExpr;

/**
 * What a sample expression gives for a request: the fetches and converters the model knows, as
 * HAProxy 2.6's manual (section 7.3) defines them. Anything else cannot be evaluated. A fetch may
 * give several values (a header that occurs more than once); an ACL matches when any does. An
 * empty list means the sample does not exist.
 */
final class SampleValues {
  private final Request request;
  private final Map<String, String> files;

  SampleValues(Request request, Map<String, String> files) {
    this.request = request;
    this.files = files;
  }

  List<String> values(SampleExpr expr) {
    List<String> values = fetch(expr);
    for (SampleExpr.Converter c : expr.converters()) {
      List<String> next = new ArrayList<>();
      for (String v : values) {
        String out = convert(c, v);
        if (out != null) {
          next.add(out);
        }
      }
      values = next;
    }
    return values;
  }

  private List<String> fetch(SampleExpr e) {
    String name = e.fetch();
    return switch (name) {
      case "path" -> List.of(request.path());
      case "url" -> List.of(request.url());
      case "base" -> List.of(request.host() + request.path());
      case "query" -> request.query() == null ? List.of() : List.of(request.query());
      case "method" -> List.of(request.method());
      case "src" -> List.of(request.client());
      case "str" -> List.of(e.arg(0));
      case "always_true", "req.proto_http" -> List.of("1");
      case "always_false" -> List.of("0");
      case "req.ver" -> List.of("1.1");
      case "ssl_fc" -> List.of(request.scheme().equals("https") ? "1" : "0");
      case "hdr", "req.hdr" -> occurrence(split(header(e)), e);
      case "fhdr", "req.fhdr" -> occurrence(request.headerLines(header(e)), e);
      case "hdr_cnt", "req.hdr_cnt" -> List.of(Integer.toString(split(header(e)).size()));
      case "cook", "req.cook" -> cookies(cookieName(e));
      case "cook_cnt", "req.cook_cnt" -> List.of(Integer.toString(cookies(cookieName(e)).size()));
      case "urlp", "url_param" -> parameter(e);
      default -> throw new CannotEvaluate("the model does not evaluate the fetch '" + name + "'");
    };
  }

  private static String header(SampleExpr e) {
    if (e.args().isEmpty() || e.arg(0).isEmpty()) {
      throw new CannotEvaluate("the model does not evaluate '" + e.fetch() + "' without a header name");
    }
    return e.arg(0);
  }

  private static String cookieName(SampleExpr e) {
    if (e.args().isEmpty() || e.arg(0).isEmpty()) {
      throw new CannotEvaluate("the model does not evaluate '" + e.fetch() + "' without a cookie name");
    }
    return e.arg(0);
  }

  /** hdr() splits each line at commas (outside quotes), as HAProxy's http_find_header does. */
  private List<String> split(String name) {
    List<String> out = new ArrayList<>();
    for (String line : request.headerLines(name)) {
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
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
    }
    return out;
  }

  /** The occurrence argument: 0 or none every value, N the Nth, -N the Nth from the end. */
  private static List<String> occurrence(List<String> values, SampleExpr e) {
    if (e.args().size() < 2 || e.arg(1).isEmpty()) {
      return values;
    }
    int occ;
    try {
      occ = Integer.parseInt(e.arg(1));
    } catch (NumberFormatException ex) {
      throw new CannotEvaluate("the occurrence '" + e.arg(1) + "' of " + e.fetch() + " is not a number");
    }
    if (occ == 0) {
      return values;
    }
    int i = occ > 0 ? occ - 1 : values.size() + occ;
    return i >= 0 && i < values.size() ? List.of(values.get(i)) : List.of();
  }

  private List<String> cookies(String name) {
    List<String> out = new ArrayList<>();
    for (String line : request.headerLines("cookie")) {
      for (String pair : line.split(";")) {
        String p = pair.strip();
        int eq = p.indexOf('=');
        if (eq > 0 && p.substring(0, eq).strip().equals(name)) {
          out.add(p.substring(eq + 1).strip());
        }
      }
    }
    return out;
  }

  private List<String> parameter(SampleExpr e) {
    String name = e.arg(0);
    if (name.isEmpty()) {
      throw new CannotEvaluate("the model does not evaluate '" + e.fetch() + "' without a parameter name");
    }
    List<String> out = new ArrayList<>();
    if (request.query() != null) {
      for (String pair : request.query().split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        if (k.equals(name)) {
          out.add(eq < 0 ? "" : pair.substring(eq + 1));
        }
      }
    }
    return out;
  }

  private String convert(SampleExpr.Converter c, String v) {
    return switch (c.name()) {
      case "lower" -> v.toLowerCase(Locale.ROOT);
      case "upper" -> v.toUpperCase(Locale.ROOT);
      case "map", "map_str" -> map(c, v);
      default -> throw new CannotEvaluate("the model does not evaluate the converter '" + c.name() + "'");
    };
  }

  /** map(FILE[,DEFAULT]): the value of the first entry whose key equals the sample, else the default. */
  private String map(SampleExpr.Converter c, String v) {
    String file = c.args().isEmpty() ? "" : c.args().get(0);
    Map<String, String> set = request.maps().getOrDefault(file, Map.of());
    if (set.containsKey(v)) {
      return set.get(v);
    }
    String text = files.get(file);
    if (text == null) {
      throw new CannotEvaluate("the map " + file + " is not among the files, and no 'set map " + file + " " + v
          + " VALUE' in the question gives its entry for '" + v + "'");
    }
    Map<String, String> entries = parseMap(text);
    if (entries.containsKey(v)) {
      return entries.get(v);
    }
    return c.args().size() > 1 ? c.args().get(1) : null;
  }

  /** A map file: KEY VALUE per line, the value running to the end of the line; # comments. */
  static Map<String, String> parseMap(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] kv = line.split("[ \t]+", 2);
      out.putIfAbsent(kv[0], kv.length > 1 ? kv[1] : "");
    }
    return out;
  }
}
