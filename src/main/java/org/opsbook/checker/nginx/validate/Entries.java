package org.opsbook.checker.nginx.validate;

import java.util.HashSet;
import java.util.Set;
import org.opsbook.checker.nginx.catalogue.Quantities;
import org.opsbook.checker.nginx.model.Arg;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Regex;
import org.opsbook.checker.nginx.rules.NginxRules;

/**
 * Blocks whose lines are entries read by the block's own handler rather than directives:
 * {@code types}, {@code map}, {@code geo}, {@code split_clients}, {@code charset_map} (nginx:
 * ngx_http_core_type, ngx_http_map, ngx_http_geo, ngx_http_split_clients, ngx_http_charset_map).
 * Stateless.
 */
final class Entries {
  private Entries() {}

  /** The block's header: the variable it defines and the source it reads. */
  static boolean variableBlock(Directive d, Reporter report, Set<String> defined, ConfigValidator v) {
    Arg target = d.args().get(d.args().size() - 1);
    if (d.name().equals("geo") && d.args().size() == 1) {
      target = d.args().get(0);
    } else {
      v.uses(d, d.args().get(0), d.arg(0));
    }
    String name = target.value();
    if (!name.startsWith("$") || name.length() < 2) {
      report.at(NginxRules.INVALID_VALUE, d, target, "invalid variable name \"" + name + "\"", null);
      return false;
    }
    defined.add(name.substring(1));
    return true;
  }

  static void types(Directive d, Reporter report) {
    for (Directive e : d.children()) {
      if (e.isBlock()) {
        report.at(NginxRules.SYNTAX, e, "unexpected \"{\"");
        return;
      }
    }
  }

  static void entries(Directive d, Reporter report, Set<String> defined, ConfigValidator v) {
    Set<String> keys = new HashSet<>();
    boolean sawDefault = false;
    int percent = 0;
    for (Directive e : d.children()) {
      if (e.isBlock()) {
        report.at(NginxRules.SYNTAX, e, "unexpected \"{\"");
        return;
      }
      if (e.name().equals("include")) {
        if (e.args().size() != 1) {
          report.at(NginxRules.ARGUMENTS, e, "invalid number of arguments in \"include\" directive");
          return;
        }
        continue;
      }
      int n = e.args().size() + 1;
      switch (d.name()) {
        case "map" -> {
          if (n == 1 && (e.name().equals("hostnames") || e.name().equals("volatile"))) {
            continue;
          }
          if (n != 2) {
            report.at(NginxRules.ARGUMENTS, e, "invalid number of the map parameters");
            return;
          }
          v.uses(e, e.args().get(0), e.arg(0));
          if (e.name().equals("default")) {
            if (sawDefault) {
              report.at(NginxRules.DUPLICATE, e, "duplicate default map parameter");
              return;
            }
            sawDefault = true;
            continue;
          }
          String key = e.name();
          if (key.startsWith("~")) {
            boolean caseless = key.startsWith("~*");
            Regex r = Regex.compile(key.substring(caseless ? 2 : 1), caseless);
            if (r.isRefused()) {
              report.at(NginxRules.REGEX, e, "pcre2_compile() failed: " + r.error() + " in \"" + key + "\"", null);
              return;
            }
            defined.addAll(r.names().keySet());
            continue;
          }
          String k = key.startsWith("\\") ? key.substring(1) : key;
          if (!keys.add(k)) {
            report.at(NginxRules.DUPLICATE, e, "conflicting parameter \"" + key + "\"");
            return;
          }
        }
        case "geo" -> {
          if (n == 1 && (e.name().equals("ranges") || e.name().equals("proxy_recursive"))) {
            continue;
          }
          if (n != 2) {
            report.at(NginxRules.ARGUMENTS, e, "invalid number of the geo parameters");
            return;
          }
          if (e.name().equals("default")) {
            continue;
          }
          if (e.name().equals("proxy") || e.name().equals("delete")) {
            continue;
          }
          if (!Cidr.isNetwork(e.name())) {
            report.at(NginxRules.INVALID_VALUE, e, "invalid network \"" + e.name() + "\"");
            return;
          }
        }
        case "split_clients" -> {
          if (n != 2) {
            report.at(NginxRules.ARGUMENTS, e, "invalid number of arguments in split_clients entry");
            return;
          }
          if (!e.name().equals("*")) {
            String p = e.name();
            if (!p.endsWith("%") || Quantities.number(p.substring(0, p.length() - 1).replace(".", "")).isEmpty()) {
              report.at(NginxRules.INVALID_VALUE, e, "invalid percent value \"" + p + "\"");
              return;
            }
            String num = p.substring(0, p.length() - 1);
            int dot = num.indexOf('.');
            percent += Integer.parseInt((dot < 0 ? num : num.substring(0, dot)).isEmpty() ? "0"
                : (dot < 0 ? num : num.substring(0, dot)).length() > 4 ? "9999" : (dot < 0 ? num : num.substring(0, dot)));
            if (percent > 100) {
              report.at(NginxRules.INVALID_VALUE, d, "percent total is greater than 100%");
              return;
            }
          }
        }
        default -> {
          // charset_map: pairs of codes, not checked further
        }
      }
    }
  }
}
