package org.opsbook.checker.apache.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opsbook.checker.apache.model.Scope;

/**
 * The server that answers a request: the main server's configuration (Debian's defaults, then
 * the snippet's server-level lines) and, when a virtual host was chosen, its own. Directives that
 * apply per server take the virtual host's value first; per-directory settings merge in this
 * order, as httpd merges the main server's lookup_defaults into each virtual host.
 *
 * @param layers the server-level scopes, outermost first: defaults, main, virtual host
 * @param vhost the chosen virtual host, or {@code null} for the main server
 * @param name how answers name it: the ServerName, or "main"
 */
record Server(List<Scope> layers, Scope vhost, String name) {
  Server {
    layers = List.copyOf(layers);
  }

  /** The last value of a per-server directive: the virtual host's, else the main server's. */
  Optional<Scope.Entry> last(String directive) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      Optional<Scope.Entry> e = layers.get(i).last(directive);
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  /** The scope whose per-server settings apply to mod_rewrite: the virtual host's own, or the main server's. */
  Scope own() {
    return vhost != null ? vhost : layers.get(layers.size() - 1);
  }

  String documentRoot() {
    return last("DocumentRoot").map(e -> stripSlash(e.directive().word(0))).orElse("/var/www/html");
  }

  /** Every section (Directory, Location, Files, If...) at server level, defaults first. */
  List<Scope> sections() {
    List<Scope> out = new ArrayList<>();
    for (Scope layer : layers) {
      out.addAll(layer.children().stream().filter(s -> s.kind() != Scope.Kind.VIRTUAL_HOST).toList());
    }
    return out;
  }

  static String stripSlash(String p) {
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
