package org.opsbook.checker.nginx.validate;

import org.opsbook.check.Suggestion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opsbook.checker.nginx.catalogue.Catalogue;
import org.opsbook.checker.nginx.catalogue.Context;
import org.opsbook.checker.nginx.catalogue.DirectiveSpec;
import org.opsbook.checker.nginx.catalogue.Quantities;
import org.opsbook.checker.nginx.model.Arg;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Regex;
import org.opsbook.checker.nginx.rules.NginxRules;

/**
 * Checks directives as nginx's configuration reader does while it starts (ngx_conf_handler() and
 * each module's handler, then the checks made once every block is read): the context of every
 * directive, its argument count, the values the generic setters read, the handlers of the
 * directives articles use most, locations, listen sockets, certificates and variables.
 *
 * <p>One instance per check; not thread-safe.
 */
public final class ConfigValidator {
  private static final Catalogue CAT = Catalogue.get();

  /** Directives whose arguments nginx compiles as scripts, so every $variable in them must exist. */
  private static final Map<String, Integer> SCRIPT_FROM = scriptArguments();

  private final Reporter report;
  private final ArgumentChecks args;
  private final Set<String> defined = new HashSet<>();
  private final List<Use> uses = new ArrayList<>();
  private final List<ServerInfo> servers = new ArrayList<>();
  private final List<Map.Entry<Directive, String>> zoneUses = new ArrayList<>();
  private final Set<String> zones = new HashSet<>();
  private final boolean wholeFile;
  private boolean sawEvents;
  /** Spelling suggestions cost a pass over the catalogue each; a text of garbage gets a few, not thousands. */
  private static final int MAX_SUGGESTIONS = 20;
  private int suggestions;

  private record Use(Directive directive, Arg arg, String name) {}

  /** What the checks made after reading need of a server. */
  private static final class ServerInfo {
    final Directive block;
    final List<Map.Entry<Directive, Listen>> listens = new ArrayList<>();
    final boolean inherited;
    final List<Directive> names = new ArrayList<>();
    /** Whether the server has a listen line, even one nginx refuses: only one without listens on *:80. */
    boolean listenWritten;
    boolean certificate;
    boolean rejectHandshake;
    Directive sslOn;

    ServerInfo(Directive block, boolean inherited) {
      this.block = block;
      this.inherited = inherited;
    }
  }

  /** Where the walk is: the context, the enclosing location, and the http-level certificate. */
  private record Frame(Context context, LocationInfo location, ServerInfo server, boolean httpCertificate) {}

  /** A location as its handler reads it. */
  private record LocationInfo(String modifier, String name, boolean regex, boolean named, boolean exact) {}

  /** The http block's own ssl_certificate lines and number of ssl_certificate_key lines, which servers inherit. */
  private List<Directive> httpCertificates = List.of();
  private int httpKeys;

  private ConfigValidator(Reporter report, boolean wholeFile) {
    this.report = report;
    this.wholeFile = wholeFile;
    this.args = new ArgumentChecks(report, defined);
  }

  /**
   * Checks {@code top}, whose directives stand in {@code context}.
   *
   * @param wholeFile whether the text is a whole nginx.conf (then {@code events} is required)
   */
  public static void validate(List<Directive> top, Context context, boolean wholeFile, Reporter report) {
    ConfigValidator v = new ConfigValidator(report, wholeFile);
    // A server or location given alone has no server of its own to hold to the certificate check.
    v.block(top, new Frame(context, null, null, false), null);
    v.afterReading(context);
  }

  // ---- the walk ----

  private void block(List<Directive> directives, Frame frame, Directive parent) {
    Map<String, Directive> seen = new TreeMap<>();
    List<Directive> locations = new ArrayList<>();
    boolean certificateHere = false;
    for (Directive d : directives) {
      if (d.name().equals("ssl_certificate")) {
        certificateHere = true;
      }
    }
    if (frame.context() == Context.HTTP) {
      httpCertificates = directives.stream().filter(d -> d.name().equals("ssl_certificate")).toList();
      httpKeys = (int) directives.stream().filter(d -> d.name().equals("ssl_certificate_key")).count();
    }
    Frame inner = frame;
    if (frame.context() == Context.HTTP && certificateHere) {
      inner = new Frame(frame.context(), frame.location(), frame.server(), true);
    }
    for (Directive d : directives) {
      Optional<DirectiveSpec> spec = resolve(d, inner.context());
      if (spec.isEmpty()) {
        continue;
      }
      DirectiveSpec s = spec.get();
      if (!shape(d, s)) {
        continue;
      }
      if (!s.deprecatedFor().isEmpty()) {
        report.at(NginxRules.DEPRECATED, d, "the \"" + d.name() + "\" directive is deprecated, use the \""
            + s.deprecatedFor() + "\" directive instead", null);
      }
      if (s.kind().equals("custom:ngx_http_v2_obsolete")) {
        report.at(NginxRules.DEPRECATED, d, "the \"" + d.name() + "\" directive is obsolete, ignored", null);
      }
      if (duplicate(d, s, seen)) {
        continue;
      }
      if (!value(d, s)) {
        continue;
      }
      if (!handler(d, s, inner)) {
        continue;
      }
      scriptVariables(d);
      if (d.name().equals("location")) {
        locations.add(d);
      }
      if (d.isBlock()) {
        descend(d, s, inner);
      }
    }
    duplicateLocations(locations);
  }

  /** The spec nginx would use for {@code d} here, or empty after reporting why there is none. */
  private Optional<DirectiveSpec> resolve(Directive d, Context context) {
    List<DirectiveSpec> specs = CAT.lookup(d.name());
    List<DirectiveSpec> available = specs.stream().filter(s -> s.module().isAvailable()).toList();
    Optional<DirectiveSpec> fits = available.stream().filter(s -> s.allowedIn(context)).findFirst();
    if (fits.isPresent()) {
      return fits;
    }
    if (!available.isEmpty()) {
      report.at(NginxRules.NOT_ALLOWED_HERE, d, "\"" + d.name() + "\" directive is not allowed here",
          "nginx accepts it in: " + contexts(available));
      return Optional.empty();
    }
    String why;
    if (!specs.isEmpty()) {
      why = specs.get(0).module().whyUnavailable();
    } else if (CAT.laterRelease(d.name()).isPresent()) {
      String rel = CAT.laterRelease(d.name()).get();
      why = "it appeared in nginx " + (rel.equals("later") ? "after 1.22" : rel) + "; Debian 12 has 1.22.1"
          + (d.name().equals("http2") ? " (write \"listen 443 ssl http2;\")" : "");
    } else if (CAT.thirdParty(d.name()).isPresent()) {
      why = "it belongs to " + CAT.thirdParty(d.name()).get();
    } else {
      why = null;
    }
    String hint = why == null && suggestions++ < MAX_SUGGESTIONS
        ? suggestion(d.name(), context).map(n -> "did you mean \"" + n + "\"?").orElse(null) : null;
    report.at(NginxRules.UNKNOWN_DIRECTIVE, d, "unknown directive \"" + d.name() + "\"" + (why == null ? "" : ": " + why),
        hint);
    return Optional.empty();
  }

  private static String contexts(List<DirectiveSpec> specs) {
    Set<String> names = new TreeSet<>();
    for (DirectiveSpec s : specs) {
      if (s.anywhere()) {
        names.add("any block");
      }
      s.contexts().forEach(c -> names.add(c.label()));
    }
    return String.join(", ", names);
  }

  private static Optional<String> suggestion(String name, Context context) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : CAT.names()) {
      if (CAT.lookup(candidate).stream().noneMatch(s -> s.module().isAvailable() && s.allowedIn(context))) {
        continue;
      }
      int dist = distance(name.toLowerCase(Locale.ROOT), candidate);
      if (dist < bestDistance) {
        bestDistance = dist;
        best = candidate;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3) {
      return 99;
    }
    return Suggestion.distance(a, b);
  }

  /** nginx: ngx_conf_handler()'s checks of ; versus { and of the argument count. */
  private boolean shape(Directive d, DirectiveSpec s) {
    if (!s.block() && d.isBlock()) {
      report.at(NginxRules.ARGUMENTS, d, "directive \"" + d.name() + "\" is not terminated by \";\"");
      return false;
    }
    if (s.block() && !d.isBlock()) {
      report.at(NginxRules.ARGUMENTS, d, "directive \"" + d.name() + "\" has no opening \"{\"");
      return false;
    }
    if (!s.acceptsCount(d.args().size())) {
      report.at(NginxRules.ARGUMENTS, d, "invalid number of arguments in \"" + d.name() + "\" directive");
      return false;
    }
    return true;
  }

  /**
   * The directives' own handlers that refuse a second line in one block ("is duplicate"), beyond
   * the generic setters: each checked against nginx -t (a directive written twice in its block).
   */
  private static final Set<String> HANDLERS_REFUSING_REPEATS = Set.of(
      "custom:ngx_http_core_root", "custom:ngx_http_proxy_pass", "custom:ngx_stream_proxy_pass",
      "custom:ngx_http_fastcgi_pass", "custom:ngx_http_uwsgi_pass", "custom:ngx_http_scgi_pass",
      "custom:ngx_http_grpc_pass", "custom:ngx_http_memcached_pass", "custom:ngx_http_try_files",
      "custom:ngx_http_headers_expires", "custom:ngx_http_core_keepalive", "custom:ngx_http_core_internal",
      "custom:ngx_http_core_set_aio", "custom:ngx_http_core_directio", "custom:ngx_http_core_open_file_cache",
      "custom:ngx_http_disable_symlinks", "custom:ngx_http_auth_basic_user_file", "custom:ngx_http_auth_request",
      "custom:ngx_set_user", "custom:ngx_set_worker_processes", "custom:ngx_http_set_complex_value_slot", "custom:ngx_http_set_complex_value_zero_slot",
      "custom:ngx_http_set_complex_value_size_slot", "custom:ngx_http_upstream_bind_set_slot",
      "custom:ngx_http_set_charset_slot", "custom:ngx_http_core_resolver", "custom:ngx_http_realip",
      "custom:ngx_http_userid_expires", "custom:ngx_http_userid_mark", "custom:ngx_http_ssl_ocsp_cache",
      "custom:ngx_http_ssl_enable", "custom:ngx_http_log_open_file_cache",
      "custom:ngx_http_proxy_cache", "custom:ngx_http_fastcgi_cache", "custom:ngx_http_uwsgi_cache",
      "custom:ngx_http_scgi_cache", "custom:ngx_http_proxy_cache_key", "custom:ngx_http_fastcgi_cache_key",
      "custom:ngx_http_uwsgi_cache_key", "custom:ngx_http_scgi_cache_key", "custom:ngx_http_proxy_store",
      "custom:ngx_http_fastcgi_store", "custom:ngx_http_uwsgi_store", "custom:ngx_http_scgi_store",
      "custom:ngx_http_proxy_ssl_password_file", "custom:ngx_http_grpc_ssl_password_file",
      "custom:ngx_http_uwsgi_ssl_password_file", "custom:ngx_http_ssl_password_file");

  /** Directives that may be given many times, but whose {@code off} stands alone in its block. */
  private static final Set<String> OFF_STANDS_ALONE =
      Set.of("proxy_redirect", "proxy_cookie_flags", "proxy_cookie_domain", "proxy_cookie_path");

  private boolean duplicate(Directive d, DirectiveSpec s, Map<String, Directive> seen) {
    String key = d.name();
    if (OFF_STANDS_ALONE.contains(d.name())) {
      // nginx: ngx_http_proxy_redirect() and its kin refuse "off" after another line, and any line after "off".
      boolean off = d.args().size() == 1 && d.arg(0).equals("off");
      if (seen.containsKey(key + " off") || (off && seen.containsKey(key))) {
        report.at(NginxRules.DUPLICATE, d, "\"" + d.name() + "\" directive is duplicate");
        return true;
      }
      seen.put(off ? key + " off" : key, d);
      seen.putIfAbsent(key, d);
      return false;
    }
    // limit_req and limit_conn may name several zones; only the same zone twice is refused.
    if ((d.name().equals("limit_req") || d.name().equals("limit_conn")) && !d.args().isEmpty()) {
      key = d.name() + " " + (d.name().equals("limit_conn") ? d.arg(0) : d.args().stream().map(Arg::value)
          .filter(v -> v.startsWith("zone=")).findFirst().orElse(""));
      if (seen.containsKey(key)) {
        report.at(NginxRules.DUPLICATE, d, "\"" + d.name() + "\" directive is duplicate");
        return true;
      }
      seen.put(key, d);
      return false;
    }
    boolean single = s.isSingleValued() || HANDLERS_REFUSING_REPEATS.contains(s.kind());
    if (!single) {
      return false;
    }
    if ((d.name().equals("root") || d.name().equals("alias")) && (seen.containsKey("root") || seen.containsKey("alias"))) {
      Directive first = seen.containsKey("root") ? seen.get("root") : seen.get("alias");
      if (first.name().equals(d.name())) {
        report.at(NginxRules.DUPLICATE, d, "\"" + d.name() + "\" directive is duplicate");
      } else {
        report.at(NginxRules.DUPLICATE, d, "\"" + d.name() + "\" directive is duplicate, \"" + first.name()
            + "\" directive was specified earlier");
      }
      return true;
    }
    if (seen.containsKey(key)) {
      report.at(NginxRules.DUPLICATE, d, "\"" + d.name() + "\" directive is duplicate");
      return true;
    }
    seen.put(key, d);
    return false;
  }

  /** The generic setters' value checks (nginx: src/core/ngx_conf_file.c ngx_conf_set_*_slot). */
  private boolean value(Directive d, DirectiveSpec s) {
    if (d.args().isEmpty()) {
      return true;
    }
    Arg a = d.args().get(0);
    String v = a.value();
    switch (s.baseKind()) {
      case "flag" -> {
        if (!v.equalsIgnoreCase("on") && !v.equalsIgnoreCase("off")) {
          report.at(NginxRules.INVALID_VALUE, d, a, "invalid value \"" + v + "\" in \"" + d.name()
              + "\" directive, it must be \"on\" or \"off\"", null);
          return false;
        }
      }
      case "num" -> {
        OptionalLong n = Quantities.number(v);
        if (n.isEmpty()) {
          return invalid(d, a, "\"" + d.name() + "\" directive invalid number");
        }
        if (s.low() != Long.MIN_VALUE) {
          long x = n.getAsLong();
          if (s.high() == -1 ? x < s.low() : x < s.low() || x > s.high()) {
            return invalid(d, a, s.high() == -1 ? "value must be equal to or greater than " + s.low()
                : "value must be between " + s.low() + " and " + s.high());
          }
        }
      }
      case "size" -> {
        if (Quantities.size(v).isEmpty()) {
          return invalid(d, a, "\"" + d.name() + "\" directive invalid value");
        }
      }
      case "off" -> {
        if (Quantities.offset(v).isEmpty()) {
          return invalid(d, a, "\"" + d.name() + "\" directive invalid value");
        }
      }
      case "msec", "sec" -> {
        if (Quantities.time(v, s.baseKind().equals("sec")).isEmpty()) {
          return invalid(d, a, "\"" + d.name() + "\" directive invalid value");
        }
      }
      case "enum" -> {
        if (s.values().stream().noneMatch(x -> x.equalsIgnoreCase(v))) {
          return invalid(d, a, "invalid value \"" + v + "\"", "one of: " + String.join(", ", s.values()));
        }
      }
      case "bitmask" -> {
        for (Arg each : d.args()) {
          if (s.values().stream().noneMatch(x -> x.equalsIgnoreCase(each.value()))) {
            return invalid(d, each, "invalid value \"" + each.value() + "\"", "one of: " + String.join(", ", s.values()));
          }
        }
      }
      case "bufs" -> {
        if (Quantities.number(v).isEmpty() || d.args().size() < 2 || Quantities.size(d.arg(1)).isEmpty()) {
          return invalid(d, a, "\"" + d.name() + "\" directive invalid value");
        }
      }
      default -> {
        // str, strs, keyval, path, access and custom handlers: checked below or not at all.
      }
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

  // ---- handlers of particular directives ----

  private boolean handler(Directive d, DirectiveSpec s, Frame f) {
    switch (d.name()) {
      case "listen" -> {
        return listen(d, f);
      }
      case "allow", "deny" -> {
        return args.accessRule(d);
      }
      case "proxy_cache_valid", "fastcgi_cache_valid", "uwsgi_cache_valid", "scgi_cache_valid" -> {
        return args.cacheValid(d);
      }
      case "proxy_redirect", "proxy_cookie_path", "proxy_cookie_domain", "proxy_cookie_flags" -> {
        return args.loneWord(d);
      }
      case "ssl_session_cache" -> {
        return args.sessionCache(d);
      }
      case "limit_rate", "limit_rate_after" -> {
        return args.quantity(d, Quantities::size, Set.of(), true);
      }
      case "directio" -> {
        return args.quantity(d, Quantities::offset, Set.of("off"), false);
      }
      case "userid_expires" -> {
        return args.quantity(d, v -> Quantities.time(v, true), Set.of("off", "max"), false);
      }
      case "aio" -> {
        return args.aio(d);
      }
      case "server_name" -> {
        if (f.server() != null) {
          f.server().names.add(d);
        }
        return args.serverName(d);
      }
      case "location" -> {
        return true;
      }
      case "return" -> {
        return args.returnCode(d);
      }
      case "rewrite" -> {
        return args.rewrite(d);
      }
      case "if" -> {
        return IfCondition.check(d, report, defined);
      }
      case "set" -> {
        if (!d.arg(0).startsWith("$") || d.arg(0).length() < 2) {
          return invalid(d, d.args().get(0), "invalid variable name \"" + d.arg(0) + "\"");
        }
        defined.add(d.arg(0).substring(1));
        return true;
      }
      case "error_page" -> {
        return args.errorPage(d);
      }
      case "try_files" -> {
        String last = d.arg(d.args().size() - 1);
        if (last.startsWith("=") && !last.matches("=[0-9]{1,3}")) {
          return invalid(d, d.args().get(d.args().size() - 1), "invalid code \"" + last.substring(1) + "\"");
        }
        return true;
      }
      case "proxy_pass" -> {
        return proxyPass(d, f);
      }
      case "add_header", "add_trailer" -> {
        if (d.args().size() == 3 && !d.arg(2).equals("always")) {
          return invalid(d, d.args().get(2), "invalid parameter \"" + d.arg(2) + "\"");
        }
        return true;
      }
      case "root", "alias" -> {
        if (d.name().equals("alias") && f.location() != null && f.location().named()) {
          report.at(NginxRules.NOT_ALLOWED_HERE, d, "\"alias\" directive cannot be used inside the named location");
          return false;
        }
        String v = d.arg(0);
        if (v.contains("$document_root") || v.contains("${document_root}")) {
          return invalid(d, d.args().get(0), "the $document_root variable cannot be used in the \"" + d.name()
              + "\" directive");
        }
        if (v.contains("$realpath_root") || v.contains("${realpath_root}")) {
          return invalid(d, d.args().get(0), "the $realpath_root variable cannot be used in the \"" + d.name()
              + "\" directive");
        }
        return true;
      }
      case "map", "geo", "split_clients" -> {
        return Entries.variableBlock(d, report, defined, this);
      }
      case "types" -> {
        return true;
      }
      case "auth_request_set" -> {
        if (d.arg(0).startsWith("$") && d.arg(0).length() > 1) {
          defined.add(d.arg(0).substring(1));
        }
        return true;
      }
      case "ssl_certificate" -> {
        if (f.server() != null) {
          f.server().certificate = true;
        }
        return true;
      }
      case "ssl" -> {
        if (!d.arg(0).equalsIgnoreCase("on") && !d.arg(0).equalsIgnoreCase("off")) {
          return invalid(d, d.args().get(0), "invalid value \"" + d.arg(0) + "\" in \"ssl\" directive, it must be"
              + " \"on\" or \"off\"");
        }
        if (f.server() != null && d.arg(0).equalsIgnoreCase("on")) {
          f.server().sslOn = d;
        }
        return true;
      }
      case "worker_connections", "worker_rlimit_nofile" -> {
        if (Quantities.number(d.arg(0)).isEmpty()) {
          return invalid(d, d.args().get(0), "invalid number \"" + d.arg(0) + "\"");
        }
        return true;
      }
      case "worker_processes" -> {
        if (!d.arg(0).equals("auto") && Quantities.number(d.arg(0)).isEmpty()) {
          return invalid(d, d.args().get(0), "invalid value \"" + d.arg(0) + "\" in \"worker_processes\" directive");
        }
        return true;
      }
      case "expires" -> {
        return args.expires(d);
      }
      case "proxy_cache", "fastcgi_cache", "scgi_cache", "uwsgi_cache" -> {
        if (!d.arg(0).equals("off") && Scripts.refs(d.arg(0)).isEmpty()) {
          zoneUses.add(Map.entry(d, d.name() + "_path"));
        }
        return true;
      }
      case "limit_req", "limit_conn" -> {
        String zone = d.name().equals("limit_conn") ? d.arg(0)
            : d.args().stream().map(Arg::value).filter(v -> v.startsWith("zone=")).map(v -> v.substring(5))
                .findFirst().orElse("");
        zoneUses.add(Map.entry(d, d.name() + "_zone=" + zone));
        return true;
      }
      case "limit_req_zone", "limit_conn_zone", "proxy_cache_path", "fastcgi_cache_path", "scgi_cache_path",
          "uwsgi_cache_path" -> {
        for (Arg a : d.args()) {
          if (a.value().startsWith("zone=") || a.value().startsWith("keys_zone=")) {
            String z = a.value().substring(a.value().indexOf('=') + 1);
            z = z.contains(":") ? z.substring(0, z.indexOf(':')) : z;
            zones.add(d.name().endsWith("_path") ? d.name() + ":" + z : d.name() + "=" + z);
          }
        }
        return true;
      }
      case "server" -> {
        return f.context() != Context.UPSTREAM || args.upstreamServer(d);
      }
      case "ssl_reject_handshake" -> {
        if (f.server() != null && d.arg(0).equalsIgnoreCase("on")) {
          f.server().rejectHandshake = true;
        }
        return true;
      }
      case "keepalive_timeout" -> {
        if (Quantities.time(d.arg(0), false).isEmpty()
            || d.args().size() == 2 && Quantities.time(d.arg(1), true).isEmpty()) {
          return invalid(d, d.args().get(0), "\"keepalive_timeout\" directive invalid value");
        }
        return true;
      }
      case "limit_except" -> {
        for (Arg m : d.args()) {
          if (!List.of("GET", "HEAD", "POST", "PUT", "DELETE", "MKCOL", "COPY", "MOVE", "OPTIONS", "PROPFIND",
              "PROPPATCH", "LOCK", "UNLOCK", "PATCH").contains(m.value())) {
            return invalid(d, m, "invalid method \"" + m.value() + "\"");
          }
        }
        return true;
      }
      default -> {
        return true;
      }
    }
  }

  private boolean listen(Directive d, Frame f) {
    if (f.server() != null) {
      f.server().listenWritten = true;
    }
    List<String> args = d.args().stream().map(Arg::value).toList();
    Listen.Read read = Listen.read(args);
    if (read.error() != null) {
      report.at(NginxRules.LISTEN, d, read.error());
      return false;
    }
    if (f.server() != null) {
      for (Map.Entry<Directive, Listen> other : f.server().listens) {
        if (other.getValue().address().equals(read.listen().address())) {
          report.at(NginxRules.LISTEN, d, "a duplicate listen " + read.listen().address());
          return false;
        }
      }
      f.server().listens.add(Map.entry(d, read.listen()));
    }
    return true;
  }

  /** nginx: ngx_http_proxy_pass(). */
  private boolean proxyPass(Directive d, Frame f) {
    String url = d.arg(0);
    if (url.indexOf('$') >= 0) {
      // nginx: any $ (a capture too) makes the URL a script, checked only at run time.
      return true;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    int add;
    if (lower.startsWith("http://")) {
      add = 7;
    } else if (lower.startsWith("https://")) {
      add = 8;
    } else {
      return invalid(d, d.args().get(0), "invalid URL prefix in \"" + url + "\"",
          "proxy_pass takes http://HOST[:PORT][/URI] or https://...");
    }
    String rest = url.substring(add);
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    if (host.isEmpty()) {
      return invalid(d, d.args().get(0), "no host in upstream \"" + rest + "\"");
    }
    boolean hasUri = slash >= 0;
    boolean noUriAllowed = f.context() == Context.LIF || f.context() == Context.LIMIT_EXCEPT
        || f.location() != null && (f.location().regex() || f.location().named());
    if (hasUri && noUriAllowed) {
      report.at(NginxRules.PROXY_PASS_URI, d, "\"proxy_pass\" cannot have URI part in location given by regular "
          + "expression, or inside named location, or inside \"if\" statement, or inside \"limit_except\" block",
          "write proxy_pass " + url.substring(0, add + host.length()) + "; or use variables in the URI");
      return false;
    }
    return true;
  }

  // ---- blocks ----

  private void descend(Directive d, DirectiveSpec s, Frame f) {
    switch (d.name()) {
      case "events" -> {
        sawEvents = true;
        block(d.block(), new Frame(Context.EVENTS, null, null, false), d);
      }
      case "http" -> block(d.block(), new Frame(Context.HTTP, null, null, false), d);
      case "server" -> {
        if (f.context() == Context.HTTP) {
          ServerInfo info = new ServerInfo(d, f.httpCertificate());
          servers.add(info);
          certificateKeys(d);
          block(d.block(), new Frame(Context.SERVER, null, info, f.httpCertificate()), d);
        }
      }
      case "upstream" -> block(d.block(), new Frame(Context.UPSTREAM, null, null, false), d);
      case "location" -> location(d, f);
      case "if" -> block(d.block(), new Frame(f.context() == Context.SERVER ? Context.SIF : Context.LIF, f.location(),
          f.server(), f.httpCertificate()), d);
      case "limit_except" -> block(d.block(), new Frame(Context.LIMIT_EXCEPT, f.location(), f.server(),
          f.httpCertificate()), d);
      case "types" -> Entries.types(d, report);
      case "map", "geo", "split_clients", "charset_map" -> Entries.entries(d, report, defined, this);
      default -> {
        // other blocks (stream, mail) are not available on Debian's nginx and never reach here
      }
    }
  }

  private void location(Directive d, Frame f) {
    LocationInfo loc = locationInfo(d);
    if (loc == null) {
      return;
    }
    LocationInfo parent = f.location();
    if (parent != null) {
      if (parent.exact()) {
        report.at(NginxRules.LOCATION, d, "location \"" + loc.name() + "\" cannot be inside the exact location \""
            + parent.name() + "\"");
        return;
      }
      if (parent.named()) {
        report.at(NginxRules.LOCATION, d, "location \"" + loc.name() + "\" cannot be inside the named location \""
            + parent.name() + "\"");
        return;
      }
      if (loc.named()) {
        report.at(NginxRules.LOCATION, d, "named location \"" + loc.name() + "\" can be on the server level only");
        return;
      }
      if (!loc.regex() && !loc.name().startsWith(parent.name())) {
        report.at(NginxRules.LOCATION, d, "location \"" + loc.name() + "\" is outside location \"" + parent.name()
            + "\"");
        return;
      }
    }
    block(d.block(), new Frame(Context.LOCATION, loc, f.server(), f.httpCertificate()), d);
  }

  /** nginx: the modifier parsing of ngx_http_core_location(); null after reporting a refusal. */
  private LocationInfo locationInfo(Directive d) {
    String mod;
    String name;
    if (d.args().size() == 2) {
      mod = d.arg(0);
      name = d.arg(1);
      if (!List.of("=", "^~", "~", "~*").contains(mod)) {
        report.at(NginxRules.LOCATION, d, "invalid location modifier \"" + mod + "\"",
            "the modifier is one of =, ^~, ~, ~*");
        return null;
      }
    } else {
      String v = d.arg(0);
      if (v.startsWith("=")) {
        mod = "=";
      } else if (v.startsWith("^~")) {
        mod = "^~";
      } else if (v.startsWith("~*")) {
        mod = "~*";
      } else if (v.startsWith("~")) {
        mod = "~";
      } else {
        mod = "";
      }
      name = v.substring(mod.length());
    }
    boolean regex = mod.startsWith("~");
    if (regex) {
      Regex r = Regex.compile(name, mod.equals("~*"));
      if (r.isRefused()) {
        report.at(NginxRules.REGEX, d, "pcre2_compile() failed: " + r.error() + " in \"" + name + "\"", null);
        return null;
      }
      defined.addAll(r.names().keySet());
    }
    return new LocationInfo(mod, name, regex, mod.isEmpty() && name.startsWith("@"), mod.equals("="));
  }

  /** nginx: ngx_http_init_locations() refuses two exact, or two prefix, locations with one name. */
  private void duplicateLocations(List<Directive> locations) {
    Map<String, Directive> exact = new LinkedHashMap<>();
    Map<String, Directive> prefix = new LinkedHashMap<>();
    Map<String, Directive> named = new LinkedHashMap<>();
    for (Directive d : locations) {
      String mod = d.args().size() == 2 ? d.arg(0) : d.arg(0).startsWith("=") ? "=" : d.arg(0).startsWith("^~") ? "^~"
          : d.arg(0).startsWith("~") ? "~" : "";
      String name = d.args().size() == 2 ? d.arg(1) : d.arg(0).substring(mod.length());
      if (mod.startsWith("~")) {
        continue;
      }
      Map<String, Directive> seen = mod.equals("=") ? exact : name.startsWith("@") ? named : prefix;
      Directive first = seen.putIfAbsent(name, d);
      if (first != null) {
        report.at(NginxRules.LOCATION, d, "duplicate location \"" + name + "\" in " + d.source().path() + ":"
            + d.endLine());
      }
    }
  }

  // ---- variables ----

  private void scriptVariables(Directive d) {
    if (d.name().equals("if")) {
      IfCondition.Parts p = IfCondition.parts(d);
      if (p != null) {
        List<String> w = p.words();
        Arg at = d.args().get(0);
        if (w.get(0).startsWith("$")) {
          refsOf(d, at, w.get(0));
          if (w.size() == 3 && (w.get(1).equals("=") || w.get(1).equals("!="))) {
            refsOf(d, d.args().get(d.args().size() - 1), w.get(2));
          }
        } else if (w.size() == 2) {
          refsOf(d, d.args().get(d.args().size() - 1), w.get(1));
        }
      }
      return;
    }
    Integer from = SCRIPT_FROM.get(d.name());
    if (from == null) {
      return;
    }
    int start = from;
    if (d.name().equals("return") && Quantities.number(d.arg(0)).isEmpty()) {
      start = 0;
    }
    if (d.name().equals("error_page") || d.name().equals("access_log")) {
      start = d.name().equals("error_page") ? d.args().size() - 1 : 0;
    }
    for (int i = start; i < d.args().size(); i++) {
      Arg a = d.args().get(i);
      if (d.name().equals("access_log") && i > 0 && !a.value().startsWith("if=")) {
        continue;
      }
      for (Scripts.Ref ref : Scripts.refs(a.value())) {
        if (ref.invalid()) {
          report.at(NginxRules.INVALID_VALUE, d, a, "invalid variable name \"" + ref.name() + "\"", null);
          return;
        }
        uses.add(new Use(d, a, ref.name()));
      }
    }
  }

  private void refsOf(Directive d, Arg a, String text) {
    for (Scripts.Ref ref : Scripts.refs(text)) {
      if (!ref.invalid()) {
        uses.add(new Use(d, a, ref.name()));
      }
    }
  }

  /** Records the variables an entry block's source and values use. */
  void uses(Directive d, Arg a, String text) {
    refsOf(d, a, text);
  }

  private static Map<String, Integer> scriptArguments() {
    Map<String, Integer> m = new TreeMap<>();
    for (String n : List.of("root", "alias", "try_files", "index", "proxy_pass", "fastcgi_pass", "uwsgi_pass",
        "scgi_pass", "grpc_pass", "proxy_cache_key", "fastcgi_cache_key", "limit_req_zone", "limit_conn_zone",
        "auth_basic", "auth_basic_user_file", "return", "access_log", "error_page", "proxy_no_cache",
        "proxy_cache_bypass", "fastcgi_no_cache", "fastcgi_cache_bypass", "limit_rate", "ssl_certificate",
        "ssl_certificate_key", "default_type")) {
      m.put(n, 0);
    }
    for (String n : List.of("rewrite", "set", "add_header", "add_trailer", "proxy_set_header", "grpc_set_header",
        "fastcgi_param", "uwsgi_param", "scgi_param", "auth_request_set", "log_format", "sub_filter")) {
      m.put(n, 1);
    }
    m.remove("default_type");
    return m;
  }

  // ---- after every block is read ----

  private void afterReading(Context top) {
    for (Use u : uses) {
      String name = u.name().toLowerCase(Locale.ROOT);
      if (defined.contains(u.name()) || CAT.variableAvailable(name)) {
        continue;
      }
      Optional<String> module = CAT.variableModule(name);
      report.at(NginxRules.UNKNOWN_VARIABLE, u.directive(), u.arg(), "unknown \"" + u.name() + "\" variable"
          + module.map(m -> ": " + m + " is a dynamic module that Debian's nginx package does not install").orElse(""),
          null);
    }
    listens();
    serverNames();
    for (Map.Entry<Directive, String> use : zoneUses) {
      Directive d = use.getKey();
      String need = use.getValue();
      if (need.endsWith("_path")) {
        if (!zones.contains(need + ":" + d.arg(0))) {
          report.at(NginxRules.INVALID_VALUE, d, "\"" + d.name() + "\" zone \"" + d.arg(0) + "\" is unknown",
              "define it with " + need + " ... keys_zone=" + d.arg(0) + ":10m");
        }
      } else if (!zones.contains(need)) {
        String zone = need.substring(need.indexOf('=') + 1);
        report.at(NginxRules.INVALID_VALUE, d, "zero size shared memory zone \"" + zone + "\"",
            "define the zone with " + need.substring(0, need.indexOf('=')) + " ... zone=" + zone + ":10m");
      }
    }
    if (top == Context.MAIN && wholeFile && !sawEvents) {
      report.findings().reportSnippet(NginxRules.MISSING_EVENTS, "no \"events\" section in configuration",
          "add events { } at the top level, even an empty one");
    }
  }

  /** nginx: ngx_http_add_listen() and ngx_http_ssl_init() across servers. */
  private void listens() {
    Map<String, Directive> defaults = new TreeMap<>();
    Map<String, Directive> options = new TreeMap<>();
    Map<String, Boolean> sslPorts = new TreeMap<>();
    for (ServerInfo s : servers) {
      for (Map.Entry<Directive, Listen> e : s.listens) {
        Listen l = e.getValue();
        if (l.socketOptions()) {
          if (options.putIfAbsent(l.address(), e.getKey()) != null) {
            report.at(NginxRules.LISTEN, e.getKey(), "duplicate listen options for " + l.address());
          }
        }
        if (l.defaultServer()) {
          if (defaults.putIfAbsent(l.address(), e.getKey()) != null) {
            report.at(NginxRules.LISTEN, e.getKey(), "a duplicate default server for " + l.address());
          }
        }
        if (l.ssl()) {
          sslPorts.put(l.address(), true);
        }
      }
    }
    // nginx: ngx_http_ssl_init() checks the default server of each ssl address; only when that one
    // rejects handshakes must every other server there have a certificate.
    Map<String, List<ServerInfo>> byAddress = new TreeMap<>();
    Map<String, ServerInfo> defaultOf = new TreeMap<>();
    for (ServerInfo s : servers) {
      for (Map.Entry<Directive, Listen> e : s.listens) {
        String addr = e.getValue().address();
        byAddress.computeIfAbsent(addr, k -> new ArrayList<>()).add(s);
        if (e.getValue().defaultServer()) {
          defaultOf.putIfAbsent(addr, s);
        }
      }
    }
    Set<ServerInfo> reported = new HashSet<>();
    for (Map.Entry<String, List<ServerInfo>> e : byAddress.entrySet()) {
      if (!sslPorts.containsKey(e.getKey())) {
        continue;
      }
      ServerInfo def = defaultOf.getOrDefault(e.getKey(), e.getValue().get(0));
      if (hasCertificate(def)) {
        continue;
      }
      List<ServerInfo> lacking = def.rejectHandshake
          ? e.getValue().stream().filter(s -> !hasCertificate(s) && !s.rejectHandshake).toList() : List.of(def);
      for (ServerInfo s : lacking) {
        if (reported.add(s)) {
          report.at(NginxRules.MISSING_CERTIFICATE, s.block, "no \"ssl_certificate\" is defined for the \"listen ... "
              + "ssl\" directive in " + s.block.source().path() + ":" + s.block.endLine(),
              "add ssl_certificate and ssl_certificate_key to the server (or to http)");
        }
      }
    }
    for (ServerInfo s : servers) {
      if (s.sslOn != null && !hasCertificate(s)) {
        report.at(NginxRules.MISSING_CERTIFICATE, s.sslOn, "no \"ssl_certificate\" is defined for the \"ssl\" directive "
            + "in " + s.sslOn.source().path() + ":" + s.sslOn.endLine());
      }
    }
  }

  /**
   * nginx: ngx_http_optimize_servers() and ngx_http_server_names(). An address that more than one
   * server listens on gets a hash of their names, in the order of the servers; a name already in it
   * (from any server, the same one too) is ignored with a warning. Names are in lower case; {@code
   * .x} is both {@code x} and {@code *.x}; a server without server_name has the name ""; a server
   * without a listen line is on 0.0.0.0:80; regular expressions are not hashed.
   */
  private void serverNames() {
    Map<String, List<ServerInfo>> byAddress = new TreeMap<>();
    for (ServerInfo s : servers) {
      Set<String> addresses = new LinkedHashSet<>();
      s.listens.forEach(e -> addresses.add(e.getValue().address()));
      if (!s.listenWritten) {
        addresses.add("0.0.0.0:80");
      }
      addresses.forEach(a -> byAddress.computeIfAbsent(a, k -> new ArrayList<>()).add(s));
    }
    for (Map.Entry<String, List<ServerInfo>> at : byAddress.entrySet()) {
      if (at.getValue().size() < 2) {
        continue;
      }
      Map<String, ServerInfo> keys = new TreeMap<>();
      for (ServerInfo s : at.getValue()) {
        List<Map.Entry<String, Directive>> names = new ArrayList<>();
        s.names.forEach(d -> d.args().forEach(a -> names.add(Map.entry(a.value().toLowerCase(Locale.ROOT), d))));
        if (s.names.isEmpty()) {
          names.add(Map.entry("", s.block));
        }
        for (Map.Entry<String, Directive> n : names) {
          String name = n.getKey();
          if (name.startsWith("~")) {
            continue;
          }
          List<String> own = name.startsWith(".") ? List.of(name.substring(1), "*" + name) : List.of(name);
          Optional<String> held = own.stream().filter(keys::containsKey).findFirst();
          if (held.isPresent()) {
            report.at(NginxRules.CONFLICTING_SERVER_NAME, n.getValue(), "conflicting server name \"" + name
                + "\" on " + at.getKey() + ", ignored", "requests for it go to the server at line "
                + keys.get(held.get()).block.line() + "; give the name once");
            continue;
          }
          own.forEach(k -> keys.put(k, s));
        }
      }
    }
  }

  /**
   * nginx: ngx_http_ssl_merge_srv_conf(). A server's certificates and keys are each its own list
   * when it has one, else http's; with fewer keys than certificates nginx stops, naming the last
   * certificate.
   */
  private void certificateKeys(Directive server) {
    List<Directive> certificates = server.children("ssl_certificate");
    int keys = server.children("ssl_certificate_key").size();
    if (certificates.isEmpty()) {
      certificates = httpCertificates;
    }
    if (keys == 0) {
      keys = httpKeys;
    }
    if (!certificates.isEmpty() && keys < certificates.size()) {
      Directive last = certificates.get(certificates.size() - 1);
      report.at(NginxRules.MISSING_CERTIFICATE, last, "no \"ssl_certificate_key\" is defined for certificate \""
          + last.arg(0) + "\"", "add ssl_certificate_key with the certificate's private key after each"
          + " ssl_certificate");
    }
  }

  private static boolean hasCertificate(ServerInfo s) {
    return s.certificate || s.inherited;
  }
}
