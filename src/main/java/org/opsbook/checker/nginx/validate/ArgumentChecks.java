package org.opsbook.checker.nginx.validate;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.opsbook.checker.nginx.catalogue.Quantities;
import org.opsbook.checker.nginx.model.Arg;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Regex;
import org.opsbook.checker.nginx.rules.NginxRules;

/**
 * The argument checks of the handlers of single directives whose verdict needs nothing but the
 * directive itself: upstream {@code server}, {@code allow} and {@code deny}, the cache lifetimes,
 * {@code expires}, {@code server_name}, {@code return}, {@code rewrite}, {@code error_page}, the
 * session cache and the sizes and times some handlers read themselves. Each reports nginx's
 * message and says whether the directive was accepted; named regex captures they compile count as
 * defined variables.
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

  /** nginx: ngx_http_access_rule(): {@code all}, {@code unix:}, or an address or network. */
  boolean accessRule(Directive d) {
    String v = d.arg(0);
    if (v.equals("all") || v.equals("unix:") || Cidr.isNetwork(v)) {
      return true;
    }
    return invalid(d, d.args().get(0), "invalid parameter \"" + v + "\"");
  }

  /** nginx: ngx_http_file_cache_valid_set_slot(): status codes (or {@code any}), then a time. */
  boolean cacheValid(Directive d) {
    List<Arg> a = d.args();
    Arg time = a.get(a.size() - 1);
    if (Quantities.time(time.value(), true).isEmpty()) {
      return invalid(d, time, "invalid time value \"" + time.value() + "\"");
    }
    for (Arg code : a.subList(0, a.size() - 1)) {
      OptionalLong n = Quantities.number(code.value());
      if (!code.value().equals("any") && (n.isEmpty() || n.getAsLong() < 100 || n.getAsLong() > 599)) {
        return invalid(d, code, "invalid status \"" + code.value() + "\"");
      }
    }
    return true;
  }

  /**
   * nginx: ngx_http_proxy_redirect() and ngx_http_proxy_cookie_*(): given one argument, it is
   * {@code off} ({@code default} too, for {@code proxy_redirect}).
   */
  boolean loneWord(Directive d) {
    String v = d.arg(0);
    if (d.args().size() != 1 || v.equals("off") || (v.equals("default") && d.name().equals("proxy_redirect"))) {
      return true;
    }
    return invalid(d, d.args().get(0), "invalid parameter \"" + v + "\"");
  }

  /**
   * nginx: ngx_http_ssl_session_cache(): {@code off}, {@code none}, {@code builtin[:N]} or {@code
   * shared:NAME:SIZE}, the shared zone at least 8 pages (32 KiB here).
   */
  boolean sessionCache(Directive d) {
    for (Arg a : d.args()) {
      String v = a.value();
      if (v.equals("off") || v.equals("none") || v.equals("builtin")) {
        continue;
      }
      if (v.startsWith("builtin:") && Quantities.number(v.substring("builtin:".length())).isPresent()) {
        continue;
      }
      int nameEnd = v.startsWith("shared:") ? v.indexOf(':', "shared:".length()) : -1;
      OptionalLong size = nameEnd > "shared:".length()
          ? Quantities.size(v.substring(nameEnd + 1)) : OptionalLong.empty();
      if (size.isEmpty()) {
        return invalid(d, a, "invalid session cache \"" + v + "\"");
      }
      if (size.getAsLong() < 8 * 4096) {
        return invalid(d, a, "session cache \"" + v + "\" is too small");
      }
    }
    return true;
  }

  /**
   * A value nginx reads with one of its size, offset or time parsers ({@code limit_rate}, {@code
   * directio}, {@code userid_expires}), or one of its words.
   *
   * @param words the values the handler takes as they are, such as {@code off}
   * @param variables whether the handler takes a value with variables, parsed per request
   */
  boolean quantity(Directive d, Function<String, OptionalLong> parse, Set<String> words, boolean variables) {
    String v = d.arg(0);
    if (words.contains(v) || (variables && !Scripts.refs(v).isEmpty()) || parse.apply(v).isPresent()) {
      return true;
    }
    return invalid(d, d.args().get(0), "\"" + d.name() + "\" directive invalid value");
  }

  /** nginx: ngx_http_core_set_aio(); Debian's nginx is built without file AIO, so {@code on} fails there. */
  boolean aio(Directive d) {
    String v = d.arg(0);
    if (v.equals("off") || v.equals("threads") || v.startsWith("threads=")) {
      return true;
    }
    if (v.equals("on")) {
      return invalid(d, d.args().get(0), "\"aio on\" is unsupported on this platform",
          "Debian's nginx has no file AIO; use aio threads");
    }
    return invalid(d, d.args().get(0), "\"aio\" directive invalid value");
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
