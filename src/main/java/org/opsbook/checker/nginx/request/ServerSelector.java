package org.opsbook.checker.nginx.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Regex;
import org.opsbook.checker.nginx.validate.Listen;

/**
 * Picks the server block for a request as nginx does (nginx: src/http/ngx_http.c and
 * ngx_http_request.c ngx_http_find_virtual_server): the connection's address and port select the
 * servers listening there (a server listening on a specific address is not a candidate for the
 * wildcard, and the other way round); among them the Host name picks, in order, an exact
 * server_name, the longest wildcard starting with {@code *}, the longest ending with {@code *},
 * the first matching regular expression, and otherwise the default server (marked
 * default_server, else the first listed). Stateless.
 */
final class ServerSelector {
  private ServerSelector() {}

  /** A server with its listens. */
  record Server(Directive block, List<Listen> listens) {}

  record Choice(Server server, String why, Regex.Match captures) {}

  static Choice choose(List<Server> servers, Request request) {
    int port = request.port();
    List<Server> onPort = new ArrayList<>();
    boolean wildcard = false;
    List<String> specific = new ArrayList<>();
    for (Server s : servers) {
      for (Listen l : s.listens()) {
        if (l.port() == port) {
          onPort.add(s);
          if (l.isWildcard()) {
            wildcard = true;
          } else if (!specific.contains(l.host())) {
            specific.add(l.host());
          }
          break;
        }
      }
    }
    if (onPort.isEmpty()) {
      throw new CannotEvaluate("no server listens on port " + port + " (the URL's port)");
    }
    String local = request.local();
    String address;
    if (local != null) {
      address = specific.contains(local) ? local : null;
    } else if (wildcard) {
      address = null;
    } else if (specific.size() == 1) {
      address = specific.get(0);
    } else {
      throw new CannotEvaluate("servers listen on port " + port + " at several addresses (" + String.join(", ", specific)
          + "); say which with 'to ADDR'");
    }
    if (address == null && !wildcard) {
      throw new CannotEvaluate("no server listens on " + local + ":" + port);
    }
    List<Server> candidates = new ArrayList<>();
    Server defaultServer = null;
    for (Server s : onPort) {
      for (Listen l : s.listens()) {
        boolean here = l.port() == port && (address == null ? l.isWildcard() : address.equals(l.host()));
        if (here) {
          candidates.add(s);
          if (l.defaultServer() && defaultServer == null) {
            defaultServer = s;
          }
          break;
        }
      }
    }
    if (defaultServer == null) {
      defaultServer = candidates.get(0);
    }
    String host = hostName(request.header("host"));
    if (host == null || host.isEmpty()) {
      return new Choice(defaultServer, "default server (no usable Host)", null);
    }
    // Exact names first, then wildcards, then regexes: nginx's ngx_hash_find_combined, then regex list.
    for (Server s : candidates) {
      for (String n : names(s)) {
        if (!n.startsWith("~") && !n.contains("*") && !n.startsWith(".") && n.equals(host)) {
          return new Choice(s, "server_name " + n, null);
        }
      }
    }
    Server best = null;
    int bestLen = -1;
    String bestName = null;
    for (Server s : candidates) {
      for (String n : names(s)) {
        String suffix = n.startsWith("*.") ? n.substring(1) : n.startsWith(".") ? n : null;
        if (suffix == null) {
          continue;
        }
        boolean match = host.endsWith(suffix) && host.length() > suffix.length()
            || n.startsWith(".") && host.equals(n.substring(1));
        if (match && suffix.length() > bestLen) {
          best = s;
          bestLen = suffix.length();
          bestName = n;
        }
      }
    }
    if (best != null) {
      return new Choice(best, "server_name " + bestName, null);
    }
    for (Server s : candidates) {
      for (String n : names(s)) {
        if (n.endsWith(".*") && !n.startsWith("~")) {
          String prefix = n.substring(0, n.length() - 1);
          if (host.startsWith(prefix) && host.length() > prefix.length() && prefix.length() > bestLen) {
            best = s;
            bestLen = prefix.length();
            bestName = n;
          }
        }
      }
    }
    if (best != null) {
      return new Choice(best, "server_name " + bestName, null);
    }
    for (Server s : candidates) {
      for (String n : names(s)) {
        if (n.startsWith("~")) {
          Regex r = Regex.compile(n.substring(1), true);
          if (!r.isEvaluable()) {
            throw new CannotEvaluate("server_name " + n + " uses a regex construct the model cannot run");
          }
          var m = r.find(host);
          if (m.isPresent()) {
            return new Choice(s, "server_name " + n, m.get());
          }
        }
      }
    }
    return new Choice(defaultServer, "default server for port " + port, null);
  }

  static List<String> names(Server s) {
    List<String> out = new ArrayList<>();
    for (Directive d : s.block().children("server_name")) {
      d.args().forEach(a -> out.add(a.value().toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  /** nginx: ngx_http_validate_host(): lower case, port and a final dot removed. */
  static String hostName(String header) {
    if (header == null) {
      return null;
    }
    String h = header.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close < 0 ? null : h.substring(0, close + 1);
    }
    int colon = h.indexOf(':');
    if (colon >= 0) {
      h = h.substring(0, colon);
    }
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h;
  }
}
