package org.opsbook.checker.apache.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.opsbook.checker.apache.model.AliasEntry;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.ProxyPassEntry;
import org.opsbook.checker.apache.model.Scope;

/**
 * Runs a request through the phases of httpd's request processing (request.c,
 * ap_process_request_internal) as far as the model covers them: the virtual host; the
 * {@code <Location>} sections known before translation; mod_rewrite in server context;
 * mod_proxy's ProxyPass; mod_alias's Redirect and Alias; DocumentRoot; the per-directory walk;
 * access control; per-directory mod_rewrite; mod_alias's per-directory Redirect; mod_dir; the
 * handler. Error statuses go through ErrorDocument (an internal redirect keeps the status);
 * internal redirects are limited to 10 as LimitInternalRecursion does. The headers are those of
 * the request that produced the response.
 */
final class RequestProcessor {
  private static final int MAX_REDIRECTS = 10;

  private final HttpdConfig config;
  private final Request request;
  private final List<String> trace = new ArrayList<>();
  private boolean endRewriting;

  private RequestProcessor(HttpdConfig config, Request request) {
    this.config = config;
    this.request = request;
  }

  static Response process(HttpdConfig config, Request request) {
    return new RequestProcessor(config, request).run();
  }

  /** What a pass through the phases ended with. */
  private record Step(int status, Response.Kind kind, String target, List<Scope> merged, String internal, int redirectStatus,
      RequestState state) {
    static Step done(int status, Response.Kind kind, String target, List<Scope> merged, RequestState state) {
      return new Step(status, kind, target, merged, null, 0, state);
    }

    static Step redirect(String uriWithArgs, int redirectStatus, List<Scope> merged, RequestState state) {
      return new Step(redirectStatus, Response.Kind.STATUS, "", merged, uriWithArgs, redirectStatus, state);
    }
  }

  private Response run() {
    if (config.unchecked()) {
      throw new CannotEvaluate("the configuration includes files opsbook could not see");
    }
    if (config.wrapping() == HttpdConfig.Wrapping.HTACCESS) {
      throw new CannotEvaluate("a .htaccess file alone does not say which server serves the request");
    }
    Scope defaults = DebianDefaults.server(config.modules());
    Server server = VhostSelector.select(config, defaults, request, trace);
    String decoded = Urls.unescape(request.path());
    if (decoded == null || request.path().toLowerCase(Locale.ROOT).contains("%2f")) {
      trace.add("the path has a bad or encoded-slash escape");
      return respond(Step.done(decoded == null ? 400 : 404, Response.Kind.STATUS, "", server.layers(), null), server);
    }
    String uri = normalize(decoded);
    if (uri == null) {
      return respond(Step.done(400, Response.Kind.STATUS, "", server.layers(), null), server);
    }
    RequestState state = new RequestState(request, server, uri, request.query(), 0);
    Step step = phases(state);
    int original = 0;
    for (int redirects = 0; step.internal() != null; redirects++) {
      if (redirects >= MAX_REDIRECTS) {
        trace.add("more than " + MAX_REDIRECTS + " internal redirects (LimitInternalRecursion)");
        return respond(Step.done(500, Response.Kind.STATUS, "", server.layers(), null), server);
      }
      int status = step.redirectStatus();
      String target = step.internal();
      int q = target.indexOf('?');
      RequestState next = new RequestState(request, server, q < 0 ? target : target.substring(0, q),
          q < 0 ? (status == 0 ? state.args : null) : target.substring(q + 1), status != 0 ? status : state.redirectStatus);
      next.cookies.addAll(step.state() == null ? List.of() : step.state().cookies);
      trace.add("internal redirect to " + target);
      state = next;
      Step inner = phases(state);
      if (status != 0) {
        original = status;
        if (inner.internal() == null && (inner.status() >= 400 || inner.kind() == Response.Kind.STATUS)) {
          // The error document failed too: httpd sends its own page with the first status.
          trace.add("the ErrorDocument itself gives " + inner.status() + "; httpd sends its own " + status + " page");
          return respond(Step.done(status, Response.Kind.STATUS, "", inner.merged(), inner.state()), server);
        }
      }
      step = inner;
    }
    if (original != 0 && step.kind() != Response.Kind.REDIRECT) {
      step = new Step(original, step.kind(), step.target(), step.merged(), null, 0, step.state());
    }
    return respond(step, server);
  }

  /** One request (or internal redirect) through the phases. */
  private Step phases(RequestState state) {
    state.endRewriting = endRewriting;
    Variables vars = new Variables(state);
    Server server = state.server;
    // mod_setenvif: lines outside sections run when the request is read, before everything else.
    Environment.setEnvIf(server.layers(), state, trace);
    // request.c runs the location walk before translate_name.
    List<Scope> early = PerDirectory.applicable(state, vars, new ArrayList<>());
    List<Scope> earlyMerged = merged(server, early);
    Step translated = translate(state, vars, earlyMerged);
    endRewriting = state.endRewriting;
    if (translated != null) {
      return translated;
    }
    List<Scope> sections = PerDirectory.applicable(state, vars, trace);
    List<Scope> merged = merged(server, sections);
    Environment.setEnvIf(sections, state, trace);
    int access = Access.check(merged, state, vars, trace);
    if (access != 0) {
      return error(access, merged, state);
    }
    Environment.setEnv(merged, state);
    if (state.proxyTarget != null) {
      trace.add("mod_proxy passes the request to " + state.proxyTarget);
      return Step.done(0, Response.Kind.PROXY, state.proxyTarget, merged, state);
    }
    Step rewritten = perDirectoryRewrite(state, vars, sections, merged);
    endRewriting = state.endRewriting;
    if (rewritten != null) {
      return rewritten;
    }
    return handle(state, merged);
  }

  private static List<Scope> merged(Server server, List<Scope> sections) {
    List<Scope> out = new ArrayList<>(server.layers());
    out.addAll(sections);
    return out;
  }

  private Step error(int status, List<Scope> merged, RequestState state) {
    Optional<Scope.Entry> doc = Optional.empty();
    for (Scope s : merged) {
      for (Scope.Entry e : s.all("ErrorDocument")) {
        if (e.value() instanceof Integer code && code == status) {
          doc = Optional.of(e);
        }
      }
    }
    if (doc.isEmpty() || state.redirectStatus != 0) {
      return Step.done(status, Response.Kind.STATUS, "", merged, state);
    }
    String target = doc.get().directive().word(1);
    trace.add("ErrorDocument " + status + " on line " + doc.get().directive().line().lastLine() + ": " + target);
    if (target.equalsIgnoreCase("default")) {
      return Step.done(status, Response.Kind.STATUS, "", merged, state);
    }
    if (target.indexOf(' ') < 0 && target.startsWith("/")) {
      if (target.contains("%{")) {
        throw new CannotEvaluate("ErrorDocument " + status + " uses an expression");
      }
      return Step.redirect(target, status, merged, state);
    }
    if (target.indexOf(' ') < 0 && target.matches("[A-Za-z][A-Za-z0-9+.-]*:.*") && status != 401) {
      return Step.done(302, Response.Kind.REDIRECT, target, merged, state);
    }
    return Step.done(status, Response.Kind.MESSAGE, target, merged, state);
  }

  /** translate_name: mod_rewrite, mod_proxy, mod_alias, then the core's DocumentRoot. Null to go on. */
  private Step translate(RequestState state, Variables vars, List<Scope> merged) {
    Server server = state.server;
    Step rewrite = serverRewrite(state, vars, merged);
    if (rewrite != null) {
      return rewrite;
    }
    if (state.translated) {
      return null;
    }
    if (state.proxyTarget == null) {
      proxyPass(state, merged);
      if (state.proxyTarget != null) {
        return null;
      }
    }
    Step alias = alias(state, merged);
    if (alias != null || state.translated) {
      return alias;
    }
    state.filename = server.documentRoot() + state.uri;
    state.translated = true;
    return null;
  }

  private Step serverRewrite(RequestState state, Variables vars, List<Scope> merged) {
    Server server = state.server;
    Scope own = server.own();
    boolean hasRewrite = own.entries().stream().anyMatch(e -> e.directive().name().startsWith("Rewrite"));
    if (!hasRewrite || state.endRewriting || !state.uri.startsWith("/")) {
      return null;
    }
    Boolean on = null;
    for (Scope layer : server.layers().subList(1, server.layers().size())) {
      for (Scope.Entry e : layer.all("RewriteEngine")) {
        on = (Boolean) e.value();
      }
    }
    if (on == null || !on) {
      return null;
    }
    List<Scope.Entry> rules = new ArrayList<>(own.all("RewriteRule"));
    List<String> options = new ArrayList<>();
    own.all("RewriteOptions").forEach(e -> options.addAll(castList(e.value())));
    if (server.vhost() != null && (options.contains("inherit") || options.contains("inheritbefore"))) {
      List<Scope.Entry> parent = server.layers().get(1).all("RewriteRule");
      if (options.contains("inheritbefore")) {
        rules.addAll(0, parent);
      } else {
        rules.addAll(parent);
      }
    }
    if (rules.isEmpty()) {
      return null;
    }
    List<Scope.Entry> maps = new ArrayList<>(server.layers().get(1).all("RewriteMap"));
    if (server.vhost() != null) {
      maps.addAll(server.vhost().all("RewriteMap"));
    }
    state.filename = state.uri;
    String args = state.args;
    RewriteEngine engine = new RewriteEngine(state, vars, maps, null, trace);
    RewriteEngine.Outcome out = engine.run(rules);
    switch (out.action()) {
      case NONE -> {
        state.filename = null;
        return null;
      }
      case STATUS -> {
        return error(out.status(), merged, state);
      }
      default -> {
      }
    }
    String fn = state.filename;
    if (fn.startsWith("proxy:")) {
      state.proxyTarget = fn.substring(6) + (state.args != null ? "?" + state.args : "");
      state.translated = true;
      return null;
    }
    if (Urls.isAbsoluteUri(fn)) {
      return Step.done(redirectStatus(state), Response.Kind.REDIRECT, redirectTarget(fn, state, args, out.noEscape()), merged, state);
    }
    if (out.passThrough()) {
      state.uri = fn;
      state.filename = null;
      return null;
    }
    if (!fn.startsWith("/")) {
      return error(400, merged, state);
    }
    if (!prefixExists(fn, out.lastOutput(), state)) {
      state.filename = server.documentRoot() + fn;
    }
    state.translated = true;
    trace.add("mod_rewrite maps the request to the file " + state.filename);
    return null;
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object o) {
    return o instanceof List<?> l ? (List<String>) l : List.of();
  }

  private static int redirectStatus(RequestState state) {
    int s = state.rewriteStatus;
    return s >= 300 && s <= 399 ? s : 302;
  }

  /** The Location of a mod_rewrite redirect: escaped unless [NE], with the query string. */
  private static String redirectTarget(String fn, RequestState state, String originalArgs, boolean noEscape) {
    String url = noEscape ? fn : escapeAbsolute(fn);
    if (state.args != null) {
      boolean keep = noEscape || state.args.equals(originalArgs);
      url = url + "?" + (keep ? state.args : Urls.escapePath(state.args));
    }
    return url;
  }

  private static String escapeAbsolute(String url) {
    int skip = Urls.absoluteUriPrefix(url);
    int slash = url.indexOf('/', skip);
    if (slash < 0) {
      return url;
    }
    return url.substring(0, slash) + Urls.escapePath(url.substring(slash));
  }

  /**
   * prefix_stat: the result is a file-system path only if its first component exists and the
   * rule wrote that component literally (or the path is under DocumentRoot); else it is a URL path
   * under DocumentRoot.
   */
  private static boolean prefixExists(String fn, String lastOutput, RequestState state) {
    int slash = fn.indexOf('/', 1);
    String first = slash < 0 ? fn : fn.substring(0, slash);
    if (!state.request.facts().exists(first)) {
      return false;
    }
    return lastOutput == null || lastOutput.startsWith(first) || fn.startsWith(state.server.documentRoot());
  }

  /** proxy_trans: the server's ProxyPass list, main server first, then a ProxyPass in a matching Location. */
  private void proxyPass(RequestState state, List<Scope> merged) {
    if (!config.modules().contains("proxy")) {
      return;
    }
    List<Scope.Entry> passes = new ArrayList<>();
    for (Scope s : merged) {
      passes.addAll(s.all("ProxyPass"));
      passes.addAll(s.all("ProxyPassMatch"));
    }
    for (Scope.Entry e : passes) {
      ProxyPassEntry p = (ProxyPassEntry) e.value();
      String remainder = null;
      if (p.regex() != null) {
        Matcher m = p.regex().matcher(state.uri);
        if (m.find()) {
          remainder = "";
          if (!p.isExclusion()) {
            String target = m.replaceFirst(p.target().replace("\\", "\\\\"));
            state.proxyTarget = target + (state.args != null ? "?" + state.args : "");
            trace.add("ProxyPassMatch on line " + e.directive().line().lastLine() + " matches");
            state.translated = true;
            return;
          }
        }
      } else if (state.uri.startsWith(p.path())) {
        remainder = state.uri.substring(p.path().length());
      }
      if (remainder == null) {
        continue;
      }
      if (p.isExclusion()) {
        trace.add("ProxyPass " + p.path() + " ! on line " + e.directive().line().lastLine() + " excludes the path from proxying");
        return;
      }
      state.proxyTarget = p.target() + Urls.escapePath(remainder) + (state.args != null ? "?" + state.args : "");
      state.translated = true;
      trace.add("ProxyPass " + p.path() + " on line " + e.directive().line().lastLine() + " matches");
      return;
    }
  }

  /** translate_alias_redir: Redirect first (a section's own, then the server's), then Alias. */
  private Step alias(RequestState state, List<Scope> merged) {
    Server server = state.server;
    for (Scope s : merged) {
      if (s.section() != null && s.kind() != Scope.Kind.VIRTUAL_HOST) {
        for (Scope.Entry e : s.entries()) {
          if (e.value() instanceof AliasEntry a && a.redirect() && a.fake() == null) {
            return redirectResult(a, a.real(), state, merged, e);
          }
        }
      }
    }
    List<Scope> serverScopes = new ArrayList<>(server.layers());
    java.util.Collections.reverse(serverScopes);
    for (boolean redirects : new boolean[] {true, false}) {
      for (Scope layer : serverScopes) {
        for (Scope.Entry e : layer.entries()) {
          if (!(e.value() instanceof AliasEntry a) || a.redirect() != redirects || a.fake() == null) {
            continue;
          }
          String found = null;
          if (a.match()) {
            if (a.regex() == null) {
              throw new CannotEvaluate(e.directive().name() + " on line " + e.directive().line().lastLine()
                  + " uses a pattern opsbook does not run");
            }
            Matcher m = a.regex().matcher(state.uri);
            if (m.find()) {
              found = a.real() == null ? "" : substitute(m, a.real());
            }
          } else {
            int l = aliasMatches(state.uri, a.fake());
            if (l > 0) {
              String rest = state.uri.substring(l);
              found = a.real() == null ? null : a.real() + (redirects ? Urls.escapePath(rest) : rest);
              if (a.real() == null) {
                found = "";
              }
            }
          }
          if (found == null) {
            continue;
          }
          if (redirects) {
            return redirectResult(a, found, state, merged, e);
          }
          if (a.script()) {
            throw new CannotEvaluate("ScriptAlias runs CGI programs, which opsbook does not model");
          }
          state.filename = found;
          state.translated = true;
          trace.add("Alias on line " + e.directive().line().lastLine() + " maps the request to " + found);
          return null;
        }
      }
    }
    return null;
  }

  private Step redirectResult(AliasEntry a, String found, RequestState state, List<Scope> merged, Scope.Entry e) {
    trace.add(e.directive().name() + " on line " + e.directive().line().lastLine() + " answers " + a.status());
    if (a.status() < 300 || a.status() > 399) {
      return error(a.status(), merged, state);
    }
    String target = found;
    if (target.contains("%{")) {
      throw new CannotEvaluate("the Redirect target is an expression");
    }
    if (target.startsWith("/")) {
      target = constructUrl(target, state.request);
    }
    if (state.args != null && target.indexOf('?') < 0) {
      target = target + "?" + state.args;
    }
    return Step.done(a.status(), Response.Kind.REDIRECT, target, merged, state);
  }

  static String constructUrl(String path, Request r) {
    boolean defaultPort = (r.isHttps() && r.port() == 443) || (!r.isHttps() && r.port() == 80);
    return r.scheme() + "://" + r.host() + (defaultPort ? "" : ":" + r.port()) + path;
  }

  private static String substitute(Matcher m, String template) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if ((c == '$' || c == '\\') && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
        int n = template.charAt(++i) - '0';
        if (n <= m.groupCount() && m.group(n) != null) {
          out.append(m.group(n));
        }
      } else if (c == '\\' && i + 1 < template.length() && (template.charAt(i + 1) == '$' || template.charAt(i + 1) == '&')) {
        out.append(template.charAt(++i));
      } else if (c == '&') {
        out.append(m.group());
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** mod_alias's alias_matches: a prefix ending at a '/' boundary; runs of '/' match each other. */
  static int aliasMatches(String uri, String fake) {
    int u = 0;
    int f = 0;
    while (f < fake.length()) {
      if (fake.charAt(f) == '/') {
        if (u >= uri.length() || uri.charAt(u) != '/') {
          return 0;
        }
        while (f < fake.length() && fake.charAt(f) == '/') {
          f++;
        }
        while (u < uri.length() && uri.charAt(u) == '/') {
          u++;
        }
      } else {
        if (u >= uri.length() || uri.charAt(u) != fake.charAt(f)) {
          return 0;
        }
        u++;
        f++;
      }
    }
    if (fake.charAt(fake.length() - 1) != '/' && u < uri.length() && uri.charAt(u) != '/') {
      return 0;
    }
    return u;
  }

  /** hook_fixup: the rules of the innermost section that has any, in its directory. */
  private Step perDirectoryRewrite(RequestState state, Variables vars, List<Scope> sections, List<Scope> merged) {
    if (state.endRewriting) {
      return null;
    }
    Scope withRules = null;
    for (Scope s : sections) {
      if (!s.all("RewriteRule").isEmpty()) {
        withRules = s;
      }
    }
    if (withRules == null) {
      return null;
    }
    Boolean on = null;
    for (Scope s : merged) {
      for (Scope.Entry e : s.all("RewriteEngine")) {
        on = (Boolean) e.value();
      }
    }
    if (on == null || !on) {
      return null;
    }
    if (withRules.kind() != Scope.Kind.DIRECTORY) {
      throw new CannotEvaluate("RewriteRule in " + (withRules.section() == null ? "this section" : withRules.section().name() + ">")
          + " works on file names in ways opsbook only models for <Directory>");
    }
    String perdir = withRules.argument().endsWith("/") ? withRules.argument() : withRules.argument() + "/";
    String original = state.filename;
    String args = state.args;
    RewriteEngine engine = new RewriteEngine(state, vars, List.of(), perdir, trace);
    RewriteEngine.Outcome out = engine.run(withRules.all("RewriteRule"));
    switch (out.action()) {
      case NONE -> {
        return null;
      }
      case STATUS -> {
        return error(out.status(), merged, state);
      }
      default -> {
      }
    }
    String fn = state.filename;
    Optional<String> base = withRules.last("RewriteBase").map(e -> (String) e.value());
    if (fn.startsWith("proxy:")) {
      state.proxyTarget = fn.substring(6) + (state.args != null ? "?" + state.args : "");
      return Step.done(0, Response.Kind.PROXY, state.proxyTarget, merged, state);
    }
    if (Urls.isAbsoluteUri(fn)) {
      int skip = Urls.absoluteUriPrefix(fn);
      int slash = fn.indexOf('/', skip);
      if (slash >= 0 && fn.startsWith(perdir.substring(1), slash + 1)) {
        if (base.isEmpty()) {
          throw new CannotEvaluate("a relative [R] target in a <Directory> without RewriteBase redirects to a file-system path");
        }
        fn = fn.substring(0, slash) + base.get() + fn.substring(slash + perdir.length());
      }
      return Step.done(redirectStatus(state), Response.Kind.REDIRECT, redirectTarget(fn, state, args, out.noEscape()), merged, state);
    }
    if (fn.equals(original)) {
      return null;
    }
    String url;
    if (base.isPresent() && fn.startsWith(perdir)) {
      url = base.get() + fn.substring(perdir.length());
    } else {
      String root = state.server.documentRoot();
      url = fn.startsWith(root + "/") ? fn.substring(root.length()) : fn;
    }
    return Step.redirect(state.args == null ? url : url + "?" + state.args, 0, merged, state);
  }

  /** Fixups and the handler: mod_alias's section Redirect, mod_dir, then the file. */
  private Step handle(RequestState state, List<Scope> merged) {
    String fn = state.filename;
    Facts facts = state.request.facts();
    Optional<Scope.Entry> handler = last(merged, "SetHandler");
    if (handler.isPresent() && !handler.get().directive().word(0).equalsIgnoreCase("none")) {
      throw new CannotEvaluate("SetHandler " + handler.get().directive().word(0) + " makes the response, which opsbook does not model");
    }
    if (facts.isDirectory(fn)) {
      if (!state.uri.endsWith("/")) {
        boolean slash = last(merged, "DirectorySlash").map(e -> !e.directive().word(0).equalsIgnoreCase("off")).orElse(true);
        if (slash && config.modules().contains("dir")) {
          trace.add("mod_dir adds the trailing slash");
          return Step.done(301, Response.Kind.REDIRECT, constructUrl(Urls.escapePath(state.uri) + "/", state.request)
              + (state.args != null ? "?" + state.args : ""), merged, state);
        }
        return listing(fn, merged, state);
      } else {
        List<String> index = last(merged, "DirectoryIndex").map(e -> e.directive().words().stream().map(w -> w.value()).toList())
            .orElse(List.of("index.html"));
        String dir = fn.endsWith("/") ? fn : fn + "/";
        for (String name : index) {
          if (name.equalsIgnoreCase("disabled")) {
            break;
          }
          String candidate = name.startsWith("/") ? state.server.documentRoot() + name : dir + name;
          if (facts.isFile(candidate)) {
            trace.add("DirectoryIndex finds " + candidate);
            String target = name.startsWith("/") ? name : state.uri + name;
            return Step.redirect(state.args == null ? target : target + "?" + state.args, 0, merged, state);
          }
        }
        return listing(dir, merged, state);
      }
    }
    if (!facts.isFile(fn)) {
      Optional<Scope.Entry> fallback = last(merged, "FallbackResource");
      if (fallback.isPresent() && !fallback.get().directive().word(0).equalsIgnoreCase("disabled")) {
        trace.add("FallbackResource serves " + fallback.get().directive().word(0));
        return Step.redirect(fallback.get().directive().word(0), 0, merged, state);
      }
      trace.add("the file " + fn + " does not exist");
      return error(404, merged, state);
    }
    String method = state.request.method();
    if (method.equals("OPTIONS")) {
      throw new CannotEvaluate("OPTIONS is answered with the methods the handlers allow, which opsbook does not model");
    }
    // core.c, default_handler: GET (and HEAD) and POST send the file; other methods are refused.
    if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("POST") && state.redirectStatus == 0) {
      trace.add(method + " on a static file");
      return error(405, merged, state);
    }
    trace.add("the file " + fn + " is sent");
    return Step.done(200, Response.Kind.FILE, fn, merged, state);
  }

  /** A folder with no index file: mod_autoindex lists it with Options Indexes, else refuses; without it, 404. */
  private Step listing(String dir, List<Scope> merged, RequestState state) {
    if (!config.modules().contains("autoindex")) {
      trace.add("a folder, and mod_autoindex is not loaded");
      return error(404, merged, state);
    }
    if (optionOn(merged, "Indexes")) {
      return Step.done(200, Response.Kind.INDEX, dir.endsWith("/") ? dir : dir + "/", merged, state);
    }
    trace.add("no DirectoryIndex file and no Options Indexes");
    return error(403, merged, state);
  }

  private static Optional<Scope.Entry> last(List<Scope> merged, String name) {
    Optional<Scope.Entry> found = Optional.empty();
    for (Scope s : merged) {
      Optional<Scope.Entry> e = s.last(name);
      if (e.isPresent()) {
        found = e;
      }
    }
    return found;
  }

  /** Whether an option is on after the Options lines of the merged sections. */
  private static boolean optionOn(List<Scope> merged, String option) {
    boolean on = false;
    for (Scope s : merged) {
      for (Scope.Entry e : s.all("Options")) {
        boolean relative = e.directive().words().stream().allMatch(w -> w.value().startsWith("+") || w.value().startsWith("-"));
        if (!relative) {
          on = false;
        }
        for (var w : e.directive().words()) {
          String v = w.value();
          String name = v.startsWith("+") || v.startsWith("-") ? v.substring(1) : v;
          if (name.equalsIgnoreCase(option) || name.equalsIgnoreCase("All") && !option.equalsIgnoreCase("MultiViews")) {
            on = !v.startsWith("-");
          }
        }
      }
    }
    return on;
  }

  private Response respond(Step step, Server server) {
    List<Response.Header> headers = new ArrayList<>();
    if (step.state() != null) {
      HeaderActions.Tables tables = new HeaderActions.Tables();
      // A proxied response's status is the upstream's, which the model does not know.
      step.state().responseStatus = step.kind() == Response.Kind.PROXY ? 0 : step.status();
      HeaderActions.apply(step.merged(), step.state(), new Variables(step.state()), tables, trace);
      boolean success = step.kind() == Response.Kind.PROXY || (step.status() >= 200 && step.status() < 300)
          || (step.state().redirectStatus != 0 && step.kind() == Response.Kind.FILE);
      if (success) {
        headers.addAll(tables.onSuccess);
      }
      headers.addAll(tables.always);
      for (String c : step.state().cookies) {
        headers.add(new Response.Header("Set-Cookie", c));
      }
    }
    return new Response(step.status(), step.kind(), step.target(), headers, server.name(), trace);
  }

  /** ap_getparents plus merged slashes: null when ".." climbs above the root (httpd answers 400). */
  static String normalize(String path) {
    if (!path.startsWith("/")) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    String[] segs = path.split("/+", -1);
    for (int i = 1; i < segs.length; i++) {
      String s = segs[i];
      if (s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
        continue;
      }
      parts.add(s);
    }
    String joined = "/" + String.join("/", parts);
    boolean trailing = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
    if (trailing && !joined.endsWith("/")) {
      joined += "/";
    }
    return joined.replaceAll("/+$", "/").replace("//", "/");
  }
}
