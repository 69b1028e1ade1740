package org.opsbook.checker.nginx.request;

import java.util.List;
import org.opsbook.checker.nginx.model.Blocks;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Regex;

/**
 * Finds the location for a URI as ngx_http_core_find_location() does (nginx:
 * src/http/ngx_http_core_module.c): an exact {@code =} match wins at once; otherwise the longest
 * matching prefix is remembered and its nested locations are searched first; a {@code ^~} prefix
 * stops there; otherwise the regex locations are tried in the order they appear, and the first
 * that matches wins; if none does, the remembered prefix is used. Prefixes compare
 * case-sensitively, as on Linux. Stateless.
 */
final class LocationFinder {
  private LocationFinder() {}

  /** A found location, with the regex captures of a regex location. */
  record Found(Directive location, Regex.Match captures, boolean autoRedirect) {}

  /** The location for {@code uri} among the locations of {@code block} (a server or a location), or null. */
  static Found find(Directive block, String uri) {
    return find(block.children("location"), uri);
  }

  private static Found find(List<Directive> locations, String uri) {
    Directive bestPrefix = null;
    int bestLen = -1;
    boolean redirect = false;
    for (Directive loc : locations) {
      String[] l = Blocks.location(loc);
      if (l[0].equals("=")) {
        if (uri.equals(l[1])) {
          return new Found(loc, null, false);
        }
        continue;
      }
      if (l[0].isEmpty() && l[1].startsWith("@")) {
        continue;
      }
      if (l[0].isEmpty() || l[0].equals("^~")) {
        if (uri.startsWith(l[1]) && l[1].length() > bestLen) {
          bestPrefix = loc;
          bestLen = l[1].length();
          redirect = false;
        } else if (l[1].endsWith("/") && uri.equals(l[1].substring(0, l[1].length() - 1)) && autoRedirect(loc)
            && l[1].length() - 1 > bestLen) {
          // nginx: a request for /dir to location /dir/ with proxy_pass (and similar) gets a 301 to /dir/.
          bestPrefix = loc;
          bestLen = l[1].length() - 1;
          redirect = true;
        }
      }
    }
    if (bestPrefix != null && !redirect) {
      Found nested = bestPrefix.children("location").isEmpty() ? null : find(bestPrefix.children("location"), uri);
      if (nested != null && (nested.captures() != null || isExactOrStop(nested.location()))) {
        return nested;
      }
      if (Blocks.location(bestPrefix)[0].equals("^~")) {
        return nested != null ? nested : new Found(bestPrefix, null, false);
      }
      Found regex = regex(locations, uri);
      if (regex != null) {
        return regex;
      }
      return nested != null ? nested : new Found(bestPrefix, null, false);
    }
    Found regex = regex(locations, uri);
    if (regex != null) {
      return regex;
    }
    return bestPrefix == null ? null : new Found(bestPrefix, null, true);
  }

  private static boolean isExactOrStop(Directive loc) {
    String mod = Blocks.location(loc)[0];
    return mod.equals("=") || mod.equals("^~");
  }

  private static Found regex(List<Directive> locations, String uri) {
    for (Directive loc : locations) {
      String[] l = Blocks.location(loc);
      if (!l[0].startsWith("~")) {
        continue;
      }
      Regex r = Regex.compile(l[1], l[0].equals("~*"));
      if (!r.isEvaluable()) {
        throw new CannotEvaluate("location " + l[0] + " " + l[1] + " uses a regex construct the model cannot run");
      }
      var m = r.find(uri);
      if (m.isPresent()) {
        if (!loc.children("location").isEmpty()) {
          Found nested = find(loc.children("location"), uri);
          if (nested != null) {
            return nested;
          }
        }
        return new Found(loc, m.get(), false);
      }
    }
    return null;
  }

  private static boolean autoRedirect(Directive loc) {
    for (String h : List.of("proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "memcached_pass", "grpc_pass")) {
      if (!loc.children(h).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The named location {@code @name} of a server, or null. */
  static Directive named(Directive server, String name) {
    for (Directive loc : server.children("location")) {
      String[] l = Blocks.location(loc);
      if (l[0].isEmpty() && l[1].equals(name)) {
        return loc;
      }
    }
    return null;
  }
}
