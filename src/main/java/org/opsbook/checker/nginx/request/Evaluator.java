package org.opsbook.checker.nginx.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opsbook.checker.nginx.model.Arg;
import org.opsbook.checker.nginx.model.Blocks;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.NginxConfig;
import org.opsbook.checker.nginx.model.Regex;
import org.opsbook.checker.nginx.model.Source;
import org.opsbook.checker.nginx.model.Wrap;
import org.opsbook.checker.nginx.validate.Cidr;
import org.opsbook.checker.nginx.validate.IfCondition;
import org.opsbook.checker.nginx.validate.Listen;
import org.opsbook.checker.nginx.validate.Scripts;

/**
 * Runs one request through a configuration the way nginx's phases do: server selection, the
 * server-level rewrite directives, location search, the location's rewrite directives (with
 * {@code if}, up to ten URI changes), allow/deny, try_files, the content handler (static files
 * with index, proxy_pass, return), error_page, and the add_header of the configuration that
 * finally answers. Anything it does not model throws {@link CannotEvaluate}.
 *
 * <p>One instance per request; not thread-safe.
 */
final class Evaluator {
  /** nginx: NGX_HTTP_MAX_URI_CHANGES. */
  private static final int MAX_URI_CHANGES = 10;
  private static final Set<Integer> HEADER_STATUSES = Set.of(200, 201, 204, 206, 301, 302, 303, 304, 307, 308);

  private final NginxConfig config;
  private final Request request;
  private final List<String> trace = new ArrayList<>();
  private final Map<String, String> vars = new HashMap<>();
  private final Directive http;
  private Directive server;
  private List<Directive> chain = new ArrayList<>();
  private Directive current;
  private String uri;
  private String args;
  private Regex.Match captures;
  private boolean uriChanged;
  private String serverName;

  Evaluator(NginxConfig config, Request request) {
    this.config = config;
    this.request = request;
    this.http = httpBlock(config);
  }

  // ---- setup ----

  private static Directive httpBlock(NginxConfig config) {
    Source src = config.directives().isEmpty() ? null : config.directives().get(0).source();
    return switch (config.wrap()) {
      case MAIN -> config.directives().stream().filter(d -> d.name().equals("http") && d.isBlock()).findFirst()
          .orElse(null);
      case HTTP -> synthetic("http", config.directives(), src);
      case SERVER -> synthetic("http", List.of(synthetic("server", config.directives(), src)), src);
      case LOCATION -> synthetic("http", List.of(synthetic("server", List.of(new Directive("location",
          List.of(new Arg("/", 1, 1, false)), config.directives(), 1, 1, 1, 1, src)), src)), src);
    };
  }

  private static Directive synthetic(String name, List<Directive> block, Source src) {
    return new Directive(name, List.of(), block, 0, 0, 0, 0, src == null ? dummy() : src);
  }

  private static Source dummy() {
    return new Source("-", org.opsbook.check.Snippet.ofFile("nginx", "", "-"), true);
  }

  Outcome run() {
    if (http == null) {
      throw new CannotEvaluate("the configuration has no http block");
    }
    List<ServerSelector.Server> servers = new ArrayList<>();
    for (Directive s : http.children("server")) {
      List<Listen> listens = new ArrayList<>();
      for (Directive l : s.children("listen")) {
        Listen.Read r = Listen.read(l.args().stream().map(Arg::value).toList());
        if (r.listen() != null) {
          listens.add(r.listen());
        }
      }
      if (listens.isEmpty()) {
        // nginx: a server without listen listens on *:80 when started as root (*:8000 otherwise).
        listens.add(Listen.read(List.of("80")).listen());
      }
      servers.add(new ServerSelector.Server(s, listens));
    }
    if (servers.isEmpty()) {
      throw new CannotEvaluate("the configuration has no server block");
    }
    ServerSelector.Choice choice = ServerSelector.choose(servers, request);
    server = choice.server().block();
    List<String> names = ServerSelector.names(choice.server());
    serverName = names.isEmpty() ? "" : names.get(0);
    if (choice.captures() != null) {
      captures = choice.captures();
      captures.named().forEach(vars::put);
    }
    trace.add("server at line " + server.line() + " (" + choice.why() + ")");
    String target = request.target();
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    args = q < 0 ? "" : target.substring(q + 1);
    // The answer is the chosen server's, even when the request stops here.
    chain = new ArrayList<>(List.of(http, server));
    current = server;
    uri = Uris.normalize(path);
    if (uri == null) {
      return finish(400, null, "the path climbs above the root");
    }
    Step step = rewrites(server.children(), true);
    if (step != null && step.outcome != null) {
      return step.outcome;
    }
    return locationPhase(0);
  }

  /** What running rewrite directives ended with. */
  private record Step(Outcome outcome, boolean last, boolean stop) {}

  private Outcome locationPhase(int changes) {
    if (changes > MAX_URI_CHANGES) {
      trace.add("rewrite or internal redirection cycle");
      return finish(500, null, null);
    }
    LocationFinder.Found found = LocationFinder.find(server, uri);
    chain = new ArrayList<>(List.of(http, server));
    if (found == null) {
      current = server;
      trace.add("no location matches " + uri + "; the server's own settings apply");
    } else {
      addLocationChain(found.location());
      current = found.location();
      trace.add("location " + describe(found.location()) + " at line " + found.location().line() + " for " + uri);
      if (found.captures() != null) {
        captures = found.captures();
        captures.named().forEach(vars::put);
      }
      if (found.autoRedirect()) {
        return redirect(301, uri + "/" + (args.isEmpty() ? "" : "?" + args));
      }
    }
    uriChanged = false;
    Step step = current == server ? null : rewrites(current.children(), false);
    if (step != null && step.outcome != null) {
      return step.outcome;
    }
    if (uriChanged && (step == null || !step.stop)) {
      trace.add("URI changed to " + uri + ": searching the locations again");
      return locationPhase(changes + 1);
    }
    return afterRewrite(changes);
  }

  private void addLocationChain(Directive loc) {
    List<Directive> path = new ArrayList<>();
    if (pathTo(server, loc, path)) {
      chain.addAll(path);
    } else {
      chain.add(loc);
    }
  }

  private static boolean pathTo(Directive block, Directive target, List<Directive> path) {
    for (Directive c : block.children("location")) {
      path.add(c);
      if (c == target || pathTo(c, target, path)) {
        return true;
      }
      path.remove(path.size() - 1);
    }
    return false;
  }

  private static String describe(Directive loc) {
    String[] l = Blocks.location(loc);
    return l[0].isEmpty() ? l[1] : l[0] + " " + l[1];
  }

  // ---- the rewrite module ----

  private Step rewrites(List<Directive> directives, boolean serverLevel) {
    for (Directive d : directives) {
      switch (d.name()) {
        case "set" -> vars.put(d.arg(0).substring(1), expand(d.arg(1)));
        case "break" -> {
          trace.add("break at line " + d.line());
          return new Step(null, false, true);
        }
        case "return" -> {
          return new Step(doReturn(d), false, true);
        }
        case "rewrite" -> {
          Step s = rewrite(d);
          if (s != null) {
            return s;
          }
        }
        case "if" -> {
          if (condition(d)) {
            trace.add("if at line " + d.line() + " holds");
            if (!serverLevel) {
              current = d;
              chain.add(d);
            }
            Step s = rewrites(d.children(), serverLevel);
            if (s != null) {
              return s;
            }
          } else {
            trace.add("if at line " + d.line() + " does not hold");
          }
        }
        default -> {
          // not a rewrite-module directive
        }
      }
    }
    return null;
  }

  private Step rewrite(Directive d) {
    Regex r = Regex.compile(d.arg(0), false);
    if (!r.isEvaluable()) {
      throw new CannotEvaluate("rewrite " + d.arg(0) + " uses a regex construct the model cannot run");
    }
    Optional<Regex.Match> m = r.find(uri);
    if (m.isEmpty()) {
      return null;
    }
    captures = m.get();
    captures.named().forEach(vars::put);
    String flag = d.args().size() > 2 ? d.arg(2) : "";
    String replacement = d.arg(1);
    boolean keepArgs = !replacement.endsWith("?");
    String value = expand(keepArgs ? replacement : replacement.substring(0, replacement.length() - 1));
    trace.add("rewrite at line " + d.line() + ": " + uri + " -> " + value + (flag.isEmpty() ? "" : " (" + flag + ")"));
    boolean absolute = replacement.startsWith("http://") || replacement.startsWith("https://")
        || replacement.startsWith("$scheme");
    if (absolute || flag.equals("redirect") || flag.equals("permanent")) {
      String location = value;
      if (keepArgs && !args.isEmpty()) {
        location += (location.contains("?") ? "&" : "?") + args;
      }
      return new Step(redirect(flag.equals("permanent") ? 301 : 302, location), false, true);
    }
    int q = value.indexOf('?');
    if (q >= 0) {
      String newArgs = value.substring(q + 1);
      args = keepArgs && !args.isEmpty() ? newArgs + "&" + args : newArgs;
      value = value.substring(0, q);
    } else if (!keepArgs) {
      args = "";
    }
    uri = value;
    uriChanged = true;
    if (flag.equals("last") || flag.equals("break")) {
      return new Step(null, flag.equals("last"), flag.equals("break"));
    }
    return null;
  }

  private Outcome doReturn(Directive d) {
    String first = d.arg(0);
    trace.add("return at line " + d.line());
    if (!first.matches("[0-9]+")) {
      return redirect(302, expand(first));
    }
    int code = Integer.parseInt(first);
    if (d.args().size() == 1) {
      return finish(code, null, null);
    }
    String text = expand(d.arg(1));
    if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
      return redirect(code, text);
    }
    return headers(code, code + " \"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"");
  }

  private boolean condition(Directive d) {
    IfCondition.Parts p = IfCondition.parts(d);
    List<String> w = p.words();
    String first = w.get(0);
    if (first.startsWith("$")) {
      String v = expand(first);
      if (w.size() == 1) {
        return !v.isEmpty() && !v.equals("0");
      }
      String op = w.get(1);
      String operand = w.get(2);
      return switch (op) {
        case "=" -> v.equals(expand(operand));
        case "!=" -> !v.equals(expand(operand));
        default -> {
          Regex r = Regex.compile(operand, op.endsWith("*"));
          if (!r.isEvaluable()) {
            throw new CannotEvaluate("if regex " + operand + " uses a construct the model cannot run");
          }
          Optional<Regex.Match> m = r.find(v);
          if (m.isPresent()) {
            captures = m.get();
            captures.named().forEach(vars::put);
          }
          yield op.startsWith("!") != m.isPresent();
        }
      };
    }
    boolean negate = first.startsWith("!");
    char test = first.charAt(first.length() - 1);
    String path = expand(w.get(1));
    boolean result = switch (test) {
      case 'f' -> isFile(path);
      case 'd' -> isDir(path);
      case 'e' -> isFile(path) || isDir(path);
      default -> throw new CannotEvaluate("the -x test needs file permissions the question does not state");
    };
    return negate != result;
  }

  // ---- access, try_files, content ----

  private Outcome afterRewrite(int changes) {
    Outcome denied = access();
    if (denied != null) {
      return denied;
    }
    if (has("auth_basic") && !effective("auth_basic").get(0).arg(0).equals("off")) {
      if (request.header("authorization") == null) {
        return status(401, "auth_basic without credentials");
      }
      throw new CannotEvaluate("the request carries credentials, which the model does not check");
    }
    if (current.name().equals("location") && !current.children("internal").isEmpty()) {
      return status(404, "internal location reached by an outside request");
    }
    List<Directive> tryFiles = current.children("try_files");
    if (!tryFiles.isEmpty()) {
      Directive t = tryFiles.get(0);
      for (int i = 0; i < t.args().size() - 1; i++) {
        // nginx: an argument written with a final "/" tests for a directory, under the name
        // without that slash (ngx_http_try_files_module.c).
        String written = t.arg(i);
        boolean dir = written.endsWith("/");
        String candidate = expand(dir ? written.substring(0, written.length() - 1) : written);
        String file = mapToPath(candidate);
        if (dir ? isDir(file.isEmpty() ? "/" : file) : isFile(file)) {
          trace.add("try_files at line " + t.line() + ": " + file + (dir ? " is a directory" : " exists"));
          uri = candidate;
          return content(true);
        }
        trace.add("try_files at line " + t.line() + ": " + file + " does not exist");
      }
      String last = t.arg(t.args().size() - 1);
      if (last.startsWith("=")) {
        return status(Integer.parseInt(last.substring(1)), "try_files fallback " + last);
      }
      if (last.startsWith("@")) {
        return named(last, null);
      }
      String target = expand(last);
      int q = target.indexOf('?');
      if (q >= 0) {
        args = target.substring(q + 1);
        target = target.substring(0, q);
      }
      uri = target;
      trace.add("try_files fallback: internal redirect to " + uri);
      return locationPhase(changes + 1);
    }
    return content(false);
  }

  private Outcome content(boolean afterTryFiles) {
    Directive proxy = current.children("proxy_pass").stream().findFirst().orElse(null);
    if (proxy == null && current.name().equals("if")) {
      proxy = chain.get(chain.size() - 2).children("proxy_pass").stream().findFirst().orElse(null);
    }
    if (proxy != null) {
      return proxy(proxy);
    }
    for (String handler : List.of("fastcgi_pass", "uwsgi_pass", "scgi_pass", "grpc_pass", "memcached_pass",
        "empty_gif", "stub_status", "perl", "autoindex", "mp4", "flv", "dav_methods")) {
      if (!current.children(handler).isEmpty() && !(handler.equals("autoindex") && current.children(handler).get(0)
          .arg(0).equals("off"))) {
        throw new CannotEvaluate("the request reaches " + handler + ", which the model does not follow");
      }
    }
    if (!current.name().equals("location") && !current.name().equals("if") && current != server) {
      throw new CannotEvaluate("the answering block is a " + current.name());
    }
    if (uri.endsWith("/")) {
      List<String> indexes = new ArrayList<>();
      List<Directive> idx = effective("index");
      if (idx.isEmpty()) {
        indexes.add("index.html");
      } else {
        idx.forEach(d -> d.args().forEach(a -> indexes.add(expand(a.value()))));
      }
      for (String name : indexes) {
        String candidate = name.startsWith("/") ? name : uri + name;
        String file = mapToPath(candidate);
        if (isFile(file)) {
          trace.add("index: " + file + " exists; internal redirect to " + candidate);
          uri = candidate;
          return locationPhase(1);
        }
      }
      String dir = mapToPath(uri);
      if (autoindexOn()) {
        throw new CannotEvaluate("autoindex lists the directory, which the model does not render");
      }
      return status(isDir(dir.isEmpty() ? "/" : dir) ? 403 : 404, "no index file in " + dir);
    }
    String file = mapToPath(uri);
    if (isFile(file)) {
      return served(200, file);
    }
    if (isDir(file)) {
      return redirect(301, uri + "/" + (args.isEmpty() ? "" : "?" + args));
    }
    return status(404, file + " does not exist");
  }

  private boolean autoindexOn() {
    List<Directive> a = effective("autoindex");
    return !a.isEmpty() && a.get(0).arg(0).equalsIgnoreCase("on");
  }

  private Outcome proxy(Directive proxy) {
    String url = proxy.arg(0);
    String target;
    if (!Scripts.refs(url).isEmpty()) {
      target = expand(url);
    } else {
      String rest = url.replaceFirst("(?i)^https?://", "");
      int slash = rest.indexOf('/');
      String base = slash < 0 ? url : url.substring(0, url.length() - rest.length() + slash);
      String[] l = current.name().equals("location") ? Blocks.location(current) : new String[] {"~", ""};
      String requestPart;
      if (slash < 0) {
        requestPart = uriChanged || !uri.equals(Uris.normalize(request.target().split("\\?", 2)[0]))
            ? encode(uri) + (args.isEmpty() ? "" : "?" + args) : request.target();
      } else {
        String uriPart = url.substring(base.length());
        if (l[0].startsWith("~") || current.name().equals("if")) {
          throw new CannotEvaluate("proxy_pass with a URI in this block");
        }
        String name = l[1];
        String tail = uri.startsWith(name) ? uri.substring(name.length()) : uri;
        requestPart = uriPart + encode(tail) + (args.isEmpty() ? "" : "?" + args);
      }
      target = base + requestPart;
    }
    trace.add("proxy_pass at line " + proxy.line() + ": " + target);
    return headers(200, "proxy " + target);
  }

  private static String encode(String uri) {
    StringBuilder s = new StringBuilder();
    for (byte b : uri.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c <= 0x20 || c >= 0x7f || c == '%' || c == '?' || c == '#' || c == '"') {
        s.append('%').append(String.format(Locale.ROOT, "%02X", c));
      } else {
        s.append((char) c);
      }
    }
    return s.toString();
  }

  private Outcome access() {
    List<Directive> rules = new ArrayList<>();
    for (Directive d : currentChainEffective(List.of("allow", "deny"))) {
      rules.add(d);
    }
    for (Directive r : rules) {
      String a = r.arg(0);
      if (a.equals("all") || matchesAddress(a, request.client())) {
        if (r.name().equals("deny")) {
          trace.add("deny at line " + r.line() + " matches " + request.client());
          return status(403, null);
        }
        return null;
      }
    }
    return null;
  }

  private static boolean matchesAddress(String rule, String client) {
    if (rule.startsWith("unix:")) {
      return false;
    }
    return GeoMatch.contains(rule, client);
  }

  // ---- error_page and the response ----

  private Outcome status(int code, String why) {
    if (why != null) {
      trace.add(why + ": " + code);
    }
    return finish(code, null, null);
  }

  private boolean errorPageUsed;

  private Outcome finish(int code, String body, String why) {
    if (why != null) {
      trace.add(why);
    }
    if (code >= 300 && !errorPageUsed) {
      for (Directive ep : effective("error_page")) {
        List<Arg> a = ep.args();
        int end = a.size() - 1;
        String override = a.get(end - 1).value().startsWith("=") ? a.get(end - 1).value() : null;
        int codesEnd = override == null ? end : end - 1;
        for (int i = 0; i < codesEnd; i++) {
          if (Integer.parseInt(a.get(i).value()) == code) {
            errorPageUsed = true;
            return errorPage(code, override, expand(a.get(end).value()), ep);
          }
        }
      }
    }
    return headers(code, code == 444 ? "444" : String.valueOf(code));
  }

  private Outcome errorPage(int code, String override, String target, Directive ep) {
    trace.add("error_page at line " + ep.line() + ": " + code + " -> " + target);
    int newCode = override == null ? code : override.length() > 1 ? Integer.parseInt(override.substring(1)) : -1;
    // "=" alone: the answer keeps whatever status the target gives.
    Integer keep = newCode == -1 ? null : newCode;
    if (target.startsWith("@")) {
      return named(target, keep);
    }
    if (target.startsWith("http://") || target.startsWith("https://")) {
      return redirect(override == null || newCode == -1 ? 302 : newCode, target);
    }
    int q = target.indexOf('?');
    uri = q < 0 ? target : target.substring(0, q);
    args = q < 0 ? "" : target.substring(q + 1);
    Outcome inner = locationPhase(1);
    return keep == null ? inner : withStatus(inner, keep);
  }

  private Outcome named(String name, Integer statusOverride) {
    Directive loc = LocationFinder.named(server, name);
    if (loc == null) {
      throw new CannotEvaluate("no location " + name + " in the server");
    }
    chain = new ArrayList<>(List.of(http, server, loc));
    current = loc;
    trace.add("named location " + name + " at line " + loc.line());
    uriChanged = false;
    Step step = rewrites(loc.children(), false);
    Outcome out;
    if (step != null && step.outcome != null) {
      out = step.outcome;
    } else {
      out = afterRewrite(1);
    }
    return statusOverride == null ? out : withStatus(out, statusOverride);
  }

  /**
   * nginx: an error page keeps the original status (r->err_status) whatever its target answers,
   * unless error_page names another one; redirects and proxied answers are the target's own.
   */
  private Outcome withStatus(Outcome inner, int code) {
    String r = inner.result();
    if (r.startsWith("file ")) {
      return headersFor(code, code + " " + r);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{3})((?: .*)?)", java.util.regex.Pattern.DOTALL)
        .matcher(r);
    if (m.matches() && !List.of("301", "302", "303", "307", "308").contains(m.group(1))) {
      String rest = m.group(2).startsWith(" file ") && code == 200 ? m.group(2).substring(1) : m.group(2);
      return headersFor(code, code == 200 && rest.startsWith("file ") ? rest : code + rest);
    }
    return inner;
  }

  private Outcome served(int code, String file) {
    trace.add("static file " + file);
    return headers(code, code == 200 ? "file " + file : code + " file " + file);
  }

  private Outcome redirect(int code, String location) {
    String absolute = location;
    if (location.startsWith("/")) {
      // nginx: absolute_redirect on, server_name_in_redirect off, port_in_redirect on.
      String host = ServerSelector.hostName(request.header("host"));
      if (host == null || host.isEmpty()) {
        host = serverName;
      }
      boolean defaultPort = request.scheme().equals("https") ? request.port() == 443 : request.port() == 80;
      absolute = request.scheme() + "://" + host + (defaultPort ? "" : ":" + request.port()) + location;
    }
    return finishRedirect(code, absolute);
  }

  private Outcome finishRedirect(int code, String location) {
    if (!errorPageUsed) {
      for (Directive ep : effective("error_page")) {
        for (Arg a : ep.args()) {
          if (a.value().equals(String.valueOf(code))) {
            throw new CannotEvaluate("error_page for the redirect status " + code);
          }
        }
      }
    }
    return headers(code, code + " " + location);
  }

  private Outcome headers(int code, String result) {
    return headersFor(code, result);
  }

  private Outcome headersFor(int code, String result) {
    List<String> out = new ArrayList<>();
    for (Directive h : effective("add_header")) {
      boolean always = h.args().size() == 3;
      if (always || HEADER_STATUSES.contains(code)) {
        String value = expand(h.arg(1));
        if (!value.isEmpty()) {
          out.add("header " + h.arg(0) + " \"" + value + "\"");
        }
      }
    }
    String loc = current.name().equals("location") ? describe(current) : current.name().equals("if")
        ? "if" : "";
    return new Outcome(result, out, serverName.isEmpty() ? "line " + server.line() : serverName, loc, trace);
  }

  // ---- inheritance ----

  private boolean has(String name) {
    return !effective(name).isEmpty();
  }

  /** The directives named {@code name} in effect in the current block: its own, else the nearest enclosing ones. */
  private List<Directive> effective(String name) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      List<Directive> own = chain.get(i).children(name);
      if (!own.isEmpty()) {
        return own;
      }
    }
    return List.of();
  }

  private List<Directive> currentChainEffective(List<String> names) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      List<Directive> own = chain.get(i).children().stream().filter(d -> names.contains(d.name())).toList();
      if (!own.isEmpty()) {
        return own;
      }
    }
    return List.of();
  }

  /** nginx: ngx_http_map_uri_to_path(): root + URI, or alias in place of the location's prefix. */
  private String mapToPath(String u) {
    // The kernel reads "a//b" as "a/b": so does the model, for the files it checks and names.
    return rawPath(u).replaceAll("/{2,}", "/");
  }

  private String rawPath(String u) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      Directive b = chain.get(i);
      List<Directive> alias = b.children("alias");
      if (!alias.isEmpty() && b.name().equals("location")) {
        String[] l = Blocks.location(b);
        String value = expand(alias.get(0).arg(0));
        if (l[0].startsWith("~")) {
          return value;
        }
        return value + (u.startsWith(l[1]) ? u.substring(l[1].length()) : u);
      }
      List<Directive> root = b.children("root");
      if (!root.isEmpty()) {
        return stripSlash(expand(root.get(0).arg(0))) + u;
      }
    }
    // nginx's compiled-in root: --prefix=/usr/share/nginx, root "html".
    return "/usr/share/nginx/html" + u;
  }

  private static String stripSlash(String root) {
    return root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
  }

  private boolean isFile(String path) {
    if (request.files() == null) {
      throw new CannotEvaluate("whether " + path + " exists: state the files that exist (files PATH ..., or "
          + "files none)");
    }
    return request.files().contains(path);
  }

  private boolean isDir(String path) {
    if (request.files() == null) {
      throw new CannotEvaluate("whether the directory " + path + " exists: state the files that exist");
    }
    String dir = path.endsWith("/") ? path : path + "/";
    return request.files().stream().anyMatch(f -> f.startsWith(dir)) || dir.equals("/");
  }

  // ---- variables ----

  String expand(String value) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      int j = i + 1;
      if (j < value.length() && value.charAt(j) >= '1' && value.charAt(j) <= '9') {
        out.append(capture(value.charAt(j) - '0'));
        i = j + 1;
        continue;
      }
      boolean braced = j < value.length() && value.charAt(j) == '{';
      if (braced) {
        j++;
      }
      int start = j;
      while (j < value.length() && (Character.isLetterOrDigit(value.charAt(j)) && value.charAt(j) < 128
          || value.charAt(j) == '_')) {
        j++;
      }
      String name = value.substring(start, j);
      if (braced && j < value.length() && value.charAt(j) == '}') {
        j++;
      }
      if (name.matches("[1-9]")) {
        out.append(capture(name.charAt(0) - '0'));
      } else {
        out.append(variable(name));
      }
      i = j;
    }
    return out.toString();
  }

  private String capture(int n) {
    if (captures == null || n >= captures.numbered().size()) {
      return "";
    }
    return captures.numbered().get(n);
  }

  private String variable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (vars.containsKey(name)) {
      return vars.get(name);
    }
    Optional<String> mapped = MapVariables.value(http, name, this, request);
    if (mapped.isPresent()) {
      return mapped.get();
    }
    if (lower.startsWith("http_")) {
      String h = request.header(lower.substring(5).replace('_', '-'));
      return h == null ? "" : h;
    }
    if (lower.startsWith("arg_")) {
      return argument(lower.substring(4));
    }
    if (lower.startsWith("cookie_")) {
      String v = request.cookies().get(name.substring(7));
      return v == null ? "" : v;
    }
    return switch (lower) {
      case "host" -> {
        String h = ServerSelector.hostName(request.header("host"));
        yield h == null || h.isEmpty() ? serverName : h;
      }
      case "uri", "document_uri" -> uri;
      case "request_uri" -> request.target();
      case "args", "query_string" -> args;
      case "is_args" -> args.isEmpty() ? "" : "?";
      case "scheme" -> request.scheme();
      case "https" -> request.scheme().equals("https") ? "on" : "";
      case "request_method" -> request.method();
      case "remote_addr", "realip_remote_addr" -> request.client();
      case "server_name" -> serverName;
      case "server_port" -> String.valueOf(request.port());
      case "server_protocol" -> "HTTP/1.1";
      case "nginx_version" -> "1.22.1";
      case "document_root" -> stripSlash(mapToPath("/").replaceAll("/$", ""));
      case "request_filename" -> mapToPath(uri);
      case "content_type" -> Optional.ofNullable(request.header("content-type")).orElse("");
      case "content_length" -> Optional.ofNullable(request.header("content-length")).orElse("");
      case "proxy_add_x_forwarded_for" -> {
        String xff = request.header("x-forwarded-for");
        yield xff == null ? request.client() : xff + ", " + request.client();
      }
      default -> throw new CannotEvaluate("the model does not know the value of $" + name);
    };
  }

  private String argument(String name) {
    for (String part : args.split("&")) {
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      if (k.equalsIgnoreCase(name)) {
        return eq < 0 ? "" : part.substring(eq + 1);
      }
    }
    return "";
  }

  /** Geo matching of the client address for geo blocks and allow/deny. */
  static final class GeoMatch {
    private GeoMatch() {}

    static boolean contains(String cidr, String address) {
      if (!Cidr.isNetwork(cidr)) {
        return false;
      }
      byte[] a = bytes(address);
      String net = cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr;
      byte[] n = bytes(net);
      if (a == null || n == null || a.length != n.length) {
        return false;
      }
      int bits = cidr.contains("/") ? Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1)) : a.length * 8;
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    static int prefixLength(String cidr, String address) {
      return cidr.contains("/") ? Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1))
          : bytes(address) == null ? 0 : bytes(address).length * 8;
    }

    static byte[] bytes(String address) {
      if (!Cidr.isIpv4(address) && !Cidr.isIpv6(address)) {
        return null;
      }
      try {
        return java.net.InetAddress.getByName(address).getAddress();
      } catch (java.net.UnknownHostException e) {
        return null;
      }
    }
  }
}
