package org.opsbook.checker.apache.request;

import java.util.Locale;
import java.util.Optional;
import org.opsbook.checker.apache.expr.ExprContext;
import org.opsbook.checker.apache.text.IpAddresses;

/**
 * The server variables of a request, as mod_rewrite's lookup_variable and ap_expr's providers
 * name them. Values that depend on the clock, on DNS or on the TLS session are unknown: asking
 * for them stops the answer with a reason.
 */
final class Variables {
  private final RequestState state;

  Variables(RequestState state) {
    this.state = state;
  }

  /**
   * mod_rewrite's %{NAME}: exact upper-case names; ENV:, HTTP:, SSL: prefixes. An unknown name is
   * the empty string, as in httpd.
   */
  String rewrite(String name) {
    if (name.length() > 4 && name.charAt(3) == ':') {
      String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
      if (prefix.equals("ENV")) {
        return env(name.substring(4));
      }
      if (prefix.equals("SSL")) {
        throw new CannotEvaluate("%{" + name + "} depends on the TLS session");
      }
    }
    if (name.length() > 5 && name.charAt(4) == ':') {
      String prefix = name.substring(0, 4).toUpperCase(Locale.ROOT);
      if (prefix.equals("HTTP")) {
        return state.request.header(name.substring(5)).orElse("");
      }
      if (prefix.equals("LA-U") || prefix.equals("LA-F")) {
        throw new CannotEvaluate("%{" + name + "} needs a look-ahead subrequest, which opsbook does not model");
      }
    }
    Optional<String> v = common(name);
    if (v.isPresent()) {
      return v.get();
    }
    if (name.startsWith("TIME") || name.equals("API_VERSION") || name.equals("SERVER_SOFTWARE")) {
      throw new CannotEvaluate("%{" + name + "} depends on the clock or the build, which a test does not fix");
    }
    return "";
  }

  private String env(String name) {
    if (name.equals("REDIRECT_STATUS")) {
      return state.redirectStatus == 0 ? "" : Integer.toString(state.redirectStatus);
    }
    String v = state.env.get(name);
    return v == null ? "" : v;
  }

  /** The variables both lookups share. */
  private Optional<String> common(String name) {
    Request r = state.request;
    String v = switch (name) {
      case "HTTP_HOST" -> r.header("Host").orElse("");
      case "HTTP_USER_AGENT" -> r.header("User-Agent").orElse("");
      case "HTTP_REFERER" -> r.header("Referer").orElse("");
      case "HTTP_COOKIE" -> r.header("Cookie").orElse("");
      case "HTTP_FORWARDED" -> r.header("Forwarded").orElse("");
      case "HTTP_ACCEPT" -> r.header("Accept").orElse("");
      case "HTTP_PROXY_CONNECTION" -> r.header("Proxy-Connection").orElse("");
      case "REMOTE_ADDR", "REMOTE_HOST", "CONN_REMOTE_ADDR" -> r.client();
      case "REMOTE_USER", "REMOTE_IDENT", "AUTH_TYPE", "PATH_INFO", "CONTEXT_PREFIX" -> "";
      case "REQUEST_METHOD" -> r.method();
      case "REQUEST_SCHEME" -> r.scheme();
      case "HTTPS" -> r.isHttps() ? "on" : "off";
      case "REQUEST_URI" -> state.uri;
      case "REQUEST_FILENAME", "SCRIPT_FILENAME" -> state.filename != null ? state.filename : state.uri;
      case "QUERY_STRING" -> state.args == null ? "" : state.args;
      case "THE_REQUEST" -> r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query()) + " HTTP/1.1";
      case "SERVER_NAME" -> r.host();
      case "SERVER_PORT" -> Integer.toString(r.port());
      case "SERVER_PROTOCOL" -> "HTTP/1.1";
      case "SERVER_ADMIN" -> state.server.last("ServerAdmin").map(e -> e.directive().word(0)).orElse("");
      case "DOCUMENT_ROOT", "CONTEXT_DOCUMENT_ROOT" -> state.server.documentRoot();
      case "IS_SUBREQ" -> "false";
      case "IPV6" -> r.client().indexOf(':') >= 0 ? "on" : "off";
      default -> null;
    };
    return Optional.ofNullable(v);
  }

  /** The same request as ap_expr sees it (names are case-insensitive there). */
  ExprContext exprContext() {
    return new ExprContext() {
      private String why = "";

      @Override
      public Optional<String> variable(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.equals("REQUEST_STATUS")) {
          if (state.responseStatus != 0) {
            return Optional.of(Integer.toString(state.responseStatus));
          }
          why = "%{REQUEST_STATUS} is known only once the response is sent (Header, not early), and not for a proxied one";
          return Optional.empty();
        }
        Optional<String> v = common(n);
        if (v.isEmpty()) {
          why = "%{" + name + "} is not modelled (time, TLS, build or handler details)";
        }
        return v;
      }

      @Override
      public Optional<String> function(String name, String arg) {
        switch (name) {
          case "http", "req", "req_novary" -> {
            return Optional.of(state.request.header(arg).orElse(""));
          }
          case "env", "reqenv" -> {
            return Optional.of(env(arg));
          }
          case "escape" -> {
            return Optional.of(Urls.escapePath(arg));
          }
          case "unescape" -> {
            return Optional.of(Urls.unescape(arg));
          }
          default -> {
            why = name + "() is not modelled";
            return Optional.empty();
          }
        }
      }

      @Override
      public Optional<Boolean> clientIn(IpAddresses.Network network) {
        Optional<IpAddresses.Address> a = IpAddresses.parse(state.request.client());
        return Optional.of(a.isPresent() && network.contains(a.get()));
      }

      @Override
      public Optional<Boolean> file(String op, String path) {
        Facts f = state.request.facts();
        return switch (op) {
          case "f", "s" -> Optional.of(f.isFile(path));
          case "d" -> Optional.of(f.isDirectory(path));
          case "e" -> Optional.of(f.exists(path));
          default -> {
            why = "-" + op + " tests a link or permission bit, which the facts do not state";
            yield Optional.empty();
          }
        };
      }

      @Override
      public String cannot() {
        return why;
      }
    };
  }
}
