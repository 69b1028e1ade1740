package org.opsbook.checker.nginx.validate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.opsbook.checker.nginx.catalogue.Quantities;

/**
 * One {@code listen} of an http server, read as ngx_http_core_listen() and ngx_parse_url() read it
 * (nginx: src/http/ngx_http_core_module.c, src/core/ngx_inet.c).
 *
 * @param address the socket nginx binds: {@code 0.0.0.0:80}, {@code [::]:443}, {@code
 *     127.0.0.1:8080}, {@code unix:/run/app.sock}
 * @param host the address part ({@code *} for the wildcard), or the socket path
 * @param port the port, 0 for a unix socket
 * @param socketOptions whether it sets socket options, which only one listen per address may do
 */
public record Listen(String address, String host, int port, boolean defaultServer, boolean ssl, boolean http2,
    boolean proxyProtocol, boolean socketOptions) {

  /** The outcome: a listen, or nginx's message refusing it. */
  public record Read(Listen listen, String error) {}

  public static Read read(List<String> args) {
    String url = args.get(0);
    String host;
    int port;
    String address;
    if (url.startsWith("unix:")) {
      String path = url.substring(5);
      if (path.isEmpty()) {
        return fail("no path in the unix domain socket", url);
      }
      host = path;
      port = 0;
      address = "unix:" + path;
    } else if (url.startsWith("[")) {
      int close = url.indexOf(']');
      if (close < 0) {
        return fail("invalid host", url);
      }
      host = url.substring(1, close);
      String rest = url.substring(close + 1);
      if (rest.isEmpty()) {
        port = 80;
      } else if (rest.startsWith(":")) {
        Optional<Integer> p = port(rest.substring(1));
        if (p.isEmpty()) {
          return fail("invalid port", url);
        }
        port = p.get();
      } else {
        return fail("invalid host", url);
      }
      if (!host.matches("[0-9A-Fa-f:.]+") || !host.contains(":")) {
        return fail("invalid IPv6 address", url);
      }
      address = "[" + canonicalIpv6(host) + "]:" + port;
    } else {
      if (url.indexOf('/') >= 0 || url.indexOf('?') >= 0) {
        return fail("invalid host", url);
      }
      int colon = url.indexOf(':');
      if (colon >= 0) {
        host = url.substring(0, colon);
        Optional<Integer> p = port(url.substring(colon + 1));
        if (p.isEmpty()) {
          return fail("invalid port", url);
        }
        port = p.get();
        if (host.isEmpty()) {
          return fail("no host", url);
        }
      } else {
        OptionalLong only = Quantities.number(url.contains("-") ? url.substring(0, url.indexOf('-')) : url);
        if (only.isPresent()) {
          if (url.contains("-")) {
            // A port range binds many sockets; the model keeps the first.
            Optional<Integer> last = port(url.substring(url.indexOf('-') + 1));
            if (last.isEmpty()) {
              return fail("invalid port", url);
            }
          }
          if (only.getAsLong() < 1 || only.getAsLong() > 65535) {
            return fail("invalid port", url);
          }
          host = "*";
          port = (int) only.getAsLong();
        } else {
          host = url;
          port = 80;
        }
      }
      String h = host.equals("*") ? "0.0.0.0" : host.toLowerCase(Locale.ROOT);
      address = h + ":" + port;
    }
    boolean def = false;
    boolean ssl = false;
    boolean http2 = false;
    boolean proxy = false;
    boolean options = false;
    for (String p : args.subList(1, args.size())) {
      switch (p) {
        case "default_server", "default" -> def = true;
        case "bind", "deferred", "reuseport" -> options = true;
        case "ssl" -> ssl = true;
        case "http2" -> http2 = true;
        case "proxy_protocol" -> proxy = true;
        default -> {
          String err = parameter(p);
          if (err != null) {
            return new Read(null, err);
          }
          options = true;
        }
      }
    }
    return new Read(new Listen(address, host, port, def, ssl, http2, proxy, options), null);
  }

  /** nginx's message for a listen parameter with a value, or {@code null} when it is accepted. */
  private static String parameter(String p) {
    if (p.startsWith("backlog=")) {
      return Quantities.number(p.substring(8)).isPresent() && !p.substring(8).equals("0") ? null
          : "invalid backlog \"" + p + "\"";
    }
    if (p.startsWith("rcvbuf=") || p.startsWith("sndbuf=")) {
      return Quantities.size(p.substring(7)).isPresent() ? null
          : "invalid " + p.substring(0, 6) + " \"" + p + "\"";
    }
    if (p.startsWith("fastopen=")) {
      return Quantities.number(p.substring(9)).isPresent() ? null : "invalid fastopen \"" + p + "\"";
    }
    if (p.startsWith("setfib=")) {
      // Linux has no SO_SETFIB: nginx knows no such parameter there.
      return "invalid parameter \"" + p + "\"";
    }
    if (p.startsWith("accept_filter=")) {
      return null;
    }
    if (p.startsWith("ipv6only=o")) {
      String v = p.substring(10);
      return v.equals("n") || v.equals("ff") ? null : "invalid ipv6only flags \"" + p.substring(9) + "\"";
    }
    if (p.startsWith("so_keepalive=")) {
      String v = p.substring(13);
      if (v.equals("on") || v.equals("off") || v.matches("[0-9smhd]*:[0-9smhd]*:[0-9]*")) {
        return null;
      }
      return "invalid so_keepalive value: \"" + v + "\"";
    }
    return "invalid parameter \"" + p + "\"";
  }

  private static Optional<Integer> port(String s) {
    OptionalLong n = Quantities.number(s);
    if (n.isEmpty() || n.getAsLong() < 1 || n.getAsLong() > 65535) {
      return Optional.empty();
    }
    return Optional.of((int) n.getAsLong());
  }

  private static Read fail(String why, String url) {
    return new Read(null, why + " in \"" + url + "\" of the \"listen\" directive");
  }

  private static String canonicalIpv6(String host) {
    return host.toLowerCase(Locale.ROOT).equals("0:0:0:0:0:0:0:0") ? "::" : host.toLowerCase(Locale.ROOT);
  }

  /** Whether this listen binds every address of its family on its port. */
  public boolean isWildcard() {
    return host.equals("*") || host.equals("0.0.0.0") || host.equals("::");
  }
}
