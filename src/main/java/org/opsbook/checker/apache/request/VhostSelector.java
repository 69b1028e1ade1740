package org.opsbook.checker.apache.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.checker.apache.expr.Fnmatch;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Scope;
import org.opsbook.checker.apache.model.VirtualHostAddress;

/**
 * Picks the server for a request as vhost.c does: the virtual hosts whose address is the
 * connection's IP address and port (a port of {@code *} matches any); failing that, those on
 * {@code *} or {@code _default_} for the port; failing that, the main server. Among the
 * candidates, in file order, the first whose ServerName or ServerAlias (with * and ? wildcards)
 * matches the Host header; else the first candidate.
 */
final class VhostSelector {
  private VhostSelector() {}

  static Server select(HttpdConfig config, Scope defaults, Request request, List<String> trace) {
    List<Scope> layers = new ArrayList<>(List.of(defaults, config.server()));
    List<Scope> vhosts = config.virtualHosts();
    Scope chosen = null;
    if (!vhosts.isEmpty()) {
      List<Scope> candidates = candidates(vhosts, request, true);
      if (candidates.isEmpty()) {
        candidates = candidates(vhosts, request, false);
      }
      for (Scope v : candidates) {
        if (names(v, config).stream().anyMatch(n -> nameMatches(n, request.host()))) {
          chosen = v;
          trace.add("virtual host " + label(v, config) + " (its name matches " + request.host() + ")");
          break;
        }
      }
      if (chosen == null && !candidates.isEmpty()) {
        chosen = candidates.get(0);
        trace.add("virtual host " + label(chosen, config) + " (no name matches " + request.host()
            + ", so the first one for the address answers)");
      }
    }
    if (chosen == null) {
      trace.add("the main server (no virtual host listens on port " + request.port() + ")");
      return new Server(layers, null, "main");
    }
    layers.add(chosen);
    return new Server(layers, chosen, serverName(chosen, config).orElse(label(chosen, config)));
  }

  @SuppressWarnings("unchecked")
  private static List<VirtualHostAddress> addresses(Scope v) {
    return v.value() instanceof List<?> l ? (List<VirtualHostAddress>) l : List.of();
  }

  private static List<Scope> candidates(List<Scope> vhosts, Request request, boolean exactIp) {
    List<Scope> exactPort = new ArrayList<>();
    List<Scope> anyPort = new ArrayList<>();
    for (Scope v : vhosts) {
      for (VirtualHostAddress a : addresses(v)) {
        boolean ipMatches;
        if (exactIp) {
          if (a.isWildcard()) {
            continue;
          }
          if (!a.isNumeric()) {
            throw new CannotEvaluate("<VirtualHost " + v.argument() + "> names a host that httpd resolves with DNS at "
                + "startup; opsbook does not look names up");
          }
          if (request.local() == null) {
            throw new CannotEvaluate("the virtual hosts are IP-based (" + a + "); say which address the request "
                + "arrives at with 'to 192.0.2.1'");
          }
          ipMatches = a.host().equals(localHost(request));
        } else {
          ipMatches = a.isWildcard();
        }
        if (!ipMatches) {
          continue;
        }
        if (a.port() == request.port() || (a.port() == 0 && !a.explicitPort() && request.port() == 80)) {
          exactPort.add(v);
          break;
        }
        if (a.port() == 0 && a.explicitPort()) {
          anyPort.add(v);
          break;
        }
      }
    }
    return exactPort.isEmpty() ? anyPort : exactPort;
  }

  private static String localHost(Request r) {
    String l = r.local();
    if (l.startsWith("[")) {
      return l.substring(1, l.indexOf(']'));
    }
    int colon = l.lastIndexOf(':');
    return colon > 0 && l.indexOf(':') == colon ? l.substring(0, colon) : l;
  }

  static Optional<String> serverName(Scope v, HttpdConfig config) {
    Optional<String> own = v.last("ServerName").map(e -> hostOf(e.directive().word(0)));
    if (own.isPresent()) {
      return own;
    }
    // vhost.c: a virtual host without ServerName on * takes the main server's.
    return config.server().last("ServerName").map(e -> hostOf(e.directive().word(0)));
  }

  private static List<String> names(Scope v, HttpdConfig config) {
    List<String> out = new ArrayList<>();
    serverName(v, config).ifPresent(out::add);
    for (Scope.Entry e : v.all("ServerAlias")) {
      e.directive().words().forEach(w -> out.add(w.value()));
    }
    return out;
  }

  /** ServerName without scheme and port, lower case. */
  static String hostOf(String serverName) {
    String s = serverName;
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int colon = s.indexOf(':');
    return (colon >= 0 ? s.substring(0, colon) : s).toLowerCase(Locale.ROOT);
  }

  private static boolean nameMatches(String pattern, String host) {
    return Fnmatch.matches(pattern.toLowerCase(Locale.ROOT), host, true);
  }

  private static String label(Scope v, HttpdConfig config) {
    return serverName(v, config).orElse("<VirtualHost " + v.argument().strip() + ">");
  }
}
