package org.opsbook.checker.apache.request;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.opsbook.checker.apache.expr.Expr;
import org.opsbook.checker.apache.expr.ExprEvaluator;
import org.opsbook.checker.apache.expr.Fnmatch;
import org.opsbook.checker.apache.model.Scope;
import org.opsbook.checker.apache.text.Pcre;

/**
 * The sections that apply to a request, in httpd's merge order (request.c): {@code <Directory>}
 * sections along the file's path, fewest path components first, then the regex ones in file
 * order; {@code <Files>} on the file's name; {@code <Location>} on the URL path in file order;
 * {@code <Proxy>} on a proxied URL; last the {@code <If>} sections of everything merged so far,
 * each evaluated for the request. Later sections override earlier ones.
 */
final class PerDirectory {
  private PerDirectory() {}

  static List<Scope> applicable(RequestState state, Variables vars, List<String> trace) {
    Server server = state.server;
    List<Scope> sections = server.sections();
    List<Scope> out = new ArrayList<>();
    String filename = state.filename;
    boolean onDisk = filename != null && filename.startsWith("/");
    List<Scope> dirs = new ArrayList<>();
    if (onDisk) {
      List<String> chain = chain(filename, state.request.facts());
      List<Scope> plain = new ArrayList<>();
      for (Scope s : sections) {
        if (s.kind() == Scope.Kind.DIRECTORY && s.section() != null && chain.stream().anyMatch(d -> directoryMatches(s.argument(), d))) {
          plain.add(s);
        }
      }
      plain.sort((a, b) -> Integer.compare(components(a.argument()), components(b.argument())));
      dirs.addAll(plain);
      for (Scope s : sections) {
        if (s.kind() == Scope.Kind.DIRECTORY_MATCH) {
          Pattern p = pattern(s);
          if (chain.stream().anyMatch(d -> p.matcher(d).find())) {
            dirs.add(s);
          }
        }
      }
      for (Scope s : sections) {
        if ((s.kind() == Scope.Kind.DIRECTORY || s.kind() == Scope.Kind.HTACCESS) && s.section() == null
            && chain.stream().anyMatch(d -> d.startsWith(s.argument()))) {
          // The directory a snippet with context=directory or htaccess was placed in.
          dirs.add(s);
        }
      }
      out.addAll(dirs);
      String base = filename.substring(filename.lastIndexOf('/') + 1);
      List<Scope> fileScopes = new ArrayList<>(sections);
      for (Scope d : dirs) {
        fileScopes.addAll(d.children());
      }
      for (Scope s : fileScopes) {
        if (s.kind() == Scope.Kind.FILES && Fnmatch.matches(s.argument(), base, false)
            || s.kind() == Scope.Kind.FILES_MATCH && pattern(s).matcher(base).find()) {
          out.add(s);
        }
      }
    }
    for (Scope s : sections) {
      if (s.kind() == Scope.Kind.LOCATION && locationMatches(s.argument(), state.uri)
          || s.kind() == Scope.Kind.LOCATION_MATCH && pattern(s).matcher(state.uri).find()) {
        out.add(s);
      }
      if (state.proxyTarget != null && (s.kind() == Scope.Kind.PROXY && proxyMatches(s.argument(), state.proxyTarget)
          || s.kind() == Scope.Kind.PROXY_MATCH && pattern(s).matcher(state.proxyTarget).find())) {
        out.add(s);
      }
    }
    List<Scope> withIfs = new ArrayList<>(out);
    List<Scope> candidates = new ArrayList<>();
    for (Scope layer : server.layers()) {
      candidates.addAll(layer.children());
    }
    for (Scope s : out) {
      candidates.addAll(s.children());
    }
    boolean previousTaken = false;
    for (Scope s : candidates) {
      switch (s.kind()) {
        case IF -> {
          previousTaken = test(s, vars, trace);
          if (previousTaken) {
            withIfs.add(s);
          }
        }
        case ELSE_IF -> {
          if (!previousTaken) {
            previousTaken = test(s, vars, trace);
            if (previousTaken) {
              withIfs.add(s);
            }
          }
        }
        case ELSE -> {
          if (!previousTaken) {
            withIfs.add(s);
          }
          previousTaken = true;
        }
        default -> {
        }
      }
    }
    return withIfs;
  }

  private static boolean test(Scope s, Variables vars, List<String> trace) {
    try {
      boolean r = new ExprEvaluator(vars.exprContext()).test((Expr) s.value());
      trace.add(s.section().name() + " " + s.argument().strip() + "> on line " + s.section().line().lastLine() + " is " + r);
      return r;
    } catch (ExprEvaluator.Unknown e) {
      throw new CannotEvaluate("the condition of " + s.section().name() + "> on line " + s.section().line().lastLine()
          + ": " + e.getMessage());
    }
  }

  static Pattern pattern(Scope s) {
    Pcre.Result r = (Pcre.Result) s.value();
    if (r.pattern() == null) {
      throw new CannotEvaluate(s.section().name() + " " + s.argument() + "> uses a pattern opsbook does not run: " + r.unsupported());
    }
    return r.pattern();
  }

  /** "/", "/var/", "/var/www/", ... down to the file's own folder (or the folder itself). */
  static List<String> chain(String filename, Facts facts) {
    List<String> out = new ArrayList<>();
    out.add("/");
    String[] parts = filename.split("/");
    StringBuilder cur = new StringBuilder("/");
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        continue;
      }
      cur.append(parts[i]).append('/');
      String dir = cur.toString();
      if (!facts.isDirectory(dir)) {
        break;
      }
      out.add(dir);
    }
    return out;
  }

  private static int components(String path) {
    return path.equals("/") ? 0 : (int) path.chars().filter(c -> c == '/').count();
  }

  /** A &lt;Directory&gt; path (ending in '/') against a directory of the chain, wildcards per component. */
  static boolean directoryMatches(String section, String dir) {
    if (section.equals("/")) {
      return true;
    }
    if (section.indexOf('*') < 0 && section.indexOf('?') < 0 && section.indexOf('[') < 0) {
      return dir.equals(section);
    }
    String[] s = section.split("/", -1);
    String[] d = dir.split("/", -1);
    if (s.length != d.length) {
      return false;
    }
    for (int i = 0; i < s.length; i++) {
      if (!Fnmatch.matches(s[i], d[i], false)) {
        return false;
      }
    }
    return true;
  }

  /** &lt;Location&gt;: the path, or the path followed by '/', or a wildcard match (request.c). */
  static boolean locationMatches(String location, String uri) {
    if (location.indexOf('*') >= 0 || location.indexOf('?') >= 0 || location.indexOf('[') >= 0) {
      return Fnmatch.matches(location, uri, false) || Fnmatch.matches(location + "/*", uri, false);
    }
    if (!uri.startsWith(location)) {
      return false;
    }
    return uri.length() == location.length() || location.endsWith("/") || uri.charAt(location.length()) == '/';
  }

  private static boolean proxyMatches(String section, String url) {
    return section.equals("*") || section.isEmpty() || url.startsWith(section) || Fnmatch.matches(section, url, false);
  }
}
