package org.opsbook.checker.nginx.request;

import java.util.Locale;
import java.util.Optional;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Regex;

/**
 * The values of variables that {@code map} and {@code geo} blocks define (nginx:
 * ngx_http_map_module.c, ngx_http_geo_module.c). A map compares strings ignoring case, then
 * tries its regular expressions in order, then takes its default; a geo takes the longest
 * matching network. Stateless.
 */
final class MapVariables {
  private MapVariables() {}

  static Optional<String> value(Directive http, String name, Evaluator evaluator, Request request) {
    if (http == null) {
      return Optional.empty();
    }
    for (Directive d : http.children()) {
      if (!d.isBlock() || d.args().isEmpty()) {
        continue;
      }
      String target = d.arg(d.args().size() - 1);
      if (!target.equals("$" + name)) {
        continue;
      }
      switch (d.name()) {
        case "map" -> {
          return Optional.of(map(d, evaluator));
        }
        case "geo" -> {
          String source = d.args().size() == 2 ? evaluator.expand(d.arg(0)) : request.client();
          return Optional.of(geo(d, source, evaluator));
        }
        case "split_clients" -> throw new CannotEvaluate("$" + name + " comes from split_clients, a hash of "
            + d.arg(0) + ", which the model does not compute");
        default -> {
          // other blocks define no variables
        }
      }
    }
    return Optional.empty();
  }

  private static String map(Directive d, Evaluator evaluator) {
    String source = evaluator.expand(d.arg(0));
    String defaultValue = "";
    for (Directive e : d.children()) {
      if (e.name().equals("hostnames")) {
        throw new CannotEvaluate("map with hostnames matching at line " + d.line());
      }
    }
    for (Directive e : d.children()) {
      if (e.args().size() != 1) {
        continue;
      }
      String key = e.name().startsWith("\\") ? e.name().substring(1) : e.name();
      if (e.name().equals("default")) {
        defaultValue = e.arg(0);
        continue;
      }
      if (!e.name().startsWith("~") && key.toLowerCase(Locale.ROOT).equals(source.toLowerCase(Locale.ROOT))) {
        return evaluator.expand(e.arg(0));
      }
    }
    for (Directive e : d.children()) {
      if (e.args().size() != 1 || !e.name().startsWith("~")) {
        continue;
      }
      boolean caseless = e.name().startsWith("~*");
      Regex r = Regex.compile(e.name().substring(caseless ? 2 : 1), caseless);
      if (!r.isEvaluable()) {
        throw new CannotEvaluate("map regex " + e.name() + " uses a construct the model cannot run");
      }
      if (r.find(source).isPresent()) {
        return evaluator.expand(e.arg(0));
      }
    }
    return evaluator.expand(defaultValue);
  }

  private static String geo(Directive d, String address, Evaluator evaluator) {
    String value = "";
    String fallback = "";
    int best = -1;
    for (Directive e : d.children()) {
      if (e.name().equals("ranges") || e.name().equals("proxy") || e.name().equals("proxy_recursive")
          || e.name().equals("delete")) {
        throw new CannotEvaluate("geo with " + e.name() + " at line " + e.line());
      }
      if (e.args().size() != 1) {
        continue;
      }
      if (e.name().equals("default")) {
        fallback = e.arg(0);
        continue;
      }
      if (Evaluator.GeoMatch.contains(e.name(), address)) {
        int len = Evaluator.GeoMatch.prefixLength(e.name(), address);
        if (len > best) {
          best = len;
          value = e.arg(0);
        }
      }
    }
    return best < 0 ? fallback : value;
  }
}
