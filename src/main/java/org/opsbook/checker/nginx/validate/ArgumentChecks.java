package org.opsbook.checker.nginx.validate;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.opsbook.checker.nginx.catalogue.Quantities;
import org.opsbook.checker.nginx.model.Arg;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Regex;
import org.opsbook.checker.nginx.rules.NginxRules;

/**
 * The argument checks of the handlers of single directives whose verdict needs nothing but the
 * directive itself: upstream {@code server}, {@code expires}, {@code server_name}, {@code return},
 * {@code rewrite}, {@code error_page}. Each reports nginx's message and says whether the
 * directive was accepted; named regex captures they compile count as defined variables.
 *
 * <p>One instance per check; not thread-safe.
 */
final class ArgumentChecks {
  private final Reporter report;
  private final Set<String> defined;

  ArgumentChecks(Reporter report, Set<String> defined) {
    this.report = report;
    this.defined = defined;
  }

  /** nginx: ngx_http_upstream_server()'s parameters. */
  boolean upstreamServer(Directive d) {
    for (Arg a : d.args().subList(1, d.args().size())) {
      String v = a.value();
      int eq = v.indexOf('=');
      String key = eq < 0 ? v : v.substring(0, eq + 1);
      String val = eq < 0 ? "" : v.substring(eq + 1);
      boolean ok = switch (key) {
        case "weight=" -> Quantities.number(val).isPresent() && Quantities.number(val).getAsLong() > 0;
        case "max_fails=", "max_conns=" -> Quantities.number(val).isPresent();
        case "fail_timeout=" -> Quantities.time(val, true).isPresent();
        case "backup", "down" -> true;
        default -> false;
      };
      if (!ok) {
        return invalid(d, a, "invalid parameter \"" + v + "\"");
      }
    }
    return true;
  }

  /** nginx: ngx_http_headers_expires() and ngx_http_parse_expires(). */
  boolean expires(Directive d) {
    int i = 0;
    if (d.args().size() == 2) {
      if (!d.arg(0).equals("modified")) {
        return invalid(d, d.args().get(0), "invalid value");
      }
      i = 1;
    }
    String v = d.arg(i);
    if (v.equals("epoch") || v.equals("max") || v.equals("off") || !Scripts.refs(v).isEmpty()) {
      return true;
    }
    String t = v.startsWith("@") || v.startsWith("+") || v.startsWith("-") ? v.substring(1) : v;
    if (Quantities.time(t, true).isEmpty()) {
      report.at(NginxRules.INVALID_VALUE, d, d.args().get(i), "\"expires\" directive invalid value", null);
      return false;
    }
    return true;
  }

  boolean serverName(Directive d) {
    for (Arg a : d.args()) {
      String n = a.value();
      if (n.startsWith("~")) {
        Regex r = Regex.compile(n.substring(1), true);
        if (n.length() == 1) {
          return invalid(d, a, "empty regex in server name \"" + n + "\"");
        }
        if (r.isRefused()) {
          report.at(NginxRules.REGEX, d, a, "pcre2_compile() failed: " + r.error() + " in \"" + n.substring(1) + "\"",
              null);
          return false;
        }
        defined.addAll(r.names().keySet());
      }
    }
    return true;
  }

  boolean returnCode(Directive d) {
    String first = d.arg(0);
    OptionalLong code = Quantities.number(first);
    if (code.isEmpty()) {
      if (d.args().size() == 1 && (first.startsWith("http://") || first.startsWith("https://")
          || first.startsWith("$scheme"))) {
        return true;
      }
      return invalid(d, d.args().get(0), "invalid return code \"" + first + "\"",
          "write a status (return 301 https://...; return 404;) or a URL starting with http://, https:// or $scheme");
    }
    if (code.getAsLong() > 999) {
      return invalid(d, d.args().get(0), "invalid return code \"" + first + "\"");
    }
    return true;
  }

  boolean rewrite(Directive d) {
    Regex r = Regex.compile(d.arg(0), false);
    if (r.isRefused()) {
      report.at(NginxRules.REGEX, d, d.args().get(0), "pcre2_compile() failed: " + r.error() + " in \"" + d.arg(0)
          + "\"", null);
      return false;
    }
    defined.addAll(r.names().keySet());
    if (d.args().size() == 3 && !List.of("last", "break", "redirect", "permanent").contains(d.arg(2))) {
      return invalid(d, d.args().get(2), "invalid parameter \"" + d.arg(2) + "\"",
          "the flag is one of last, break, redirect, permanent");
    }
    return true;
  }

  /** nginx: ngx_http_core_error_page(). */
  boolean errorPage(Directive d) {
    List<Arg> args = d.args();
    int last = args.size() - 1;
    int end = last;
    String overwrite = null;
    if (args.get(last - 1).value().startsWith("=")) {
      overwrite = args.get(last - 1).value();
      end = last - 1;
    }
    for (int i = 0; i < end; i++) {
      String v = args.get(i).value();
      if (v.startsWith("=")) {
        return invalid(d, args.get(i), "invalid value \"" + v + "\"");
      }
      OptionalLong code = Quantities.number(v);
      if (code.isEmpty()) {
        return invalid(d, args.get(i), "invalid value \"" + v + "\"");
      }
      if (code.getAsLong() < 300 || code.getAsLong() > 599) {
        return invalid(d, args.get(i), "value \"" + v + "\" must be between 300 and 599");
      }
    }
    if (overwrite != null && overwrite.length() > 1 && Quantities.number(overwrite.substring(1)).isEmpty()) {
      return invalid(d, args.get(last - 1), "invalid value \"" + overwrite + "\"");
    }
    return true;
  }

  private boolean invalid(Directive d, Arg a, String message) {
    return invalid(d, a, message, null);
  }

  private boolean invalid(Directive d, Arg a, String message, String hint) {
    report.at(NginxRules.INVALID_VALUE, d, a, message, hint);
    return false;
  }
}
