package org.opsbook.checker.apache.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.Problem;
import org.opsbook.checker.apache.model.ProxyPassEntry;
import org.opsbook.checker.apache.text.Pcre;

/** mod_proxy's ProxyPass family (mod_proxy.c, add_pass and add_pass_reverse). */
final class ProxyChecks {
  /** Worker parameters (mod_proxy.c, set_worker_param) and balancer ones (set_balancer_param). */
  private static final Set<String> WORKER_KEYS = Set.of("loadfactor", "retry", "ttl", "min", "max", "smax", "acquire",
      "timeout", "iobuffersize", "receivebuffersize", "keepalive", "disablereuse", "enablereuse", "route", "redirect",
      "status", "flushpackets", "flushwait", "ping", "lbset", "connectiontimeout", "flusher", "upgrade", "secret",
      "address_ttl", "responsefieldsize", "stickysession", "stickysessionsep", "nofailover", "lbmethod", "maxattempts",
      "scolonpathdelim", "failonstatus", "failontimeout", "nonce", "growth", "forcerecovery");

  private ProxyChecks() {}

  static void register(Map<String, DirectiveCheck> m) {
    m.put("proxypass", call -> pass(call, false));
    m.put("proxypassmatch", call -> pass(call, true));
    m.put("proxypassreverse", ProxyChecks::reverse);
    m.put("proxyset", ProxyChecks::set);
    m.put("balancermember", call -> call.state.unknownWorkers());
  }

  /**
   * set_proxy_param in mod_proxy.c: outside {@code <Proxy>}, ProxySet names a worker or balancer
   * the server has already defined. Judged only by scheme and host, so that a port or path httpd
   * normalises never makes a false error; a server with workers opsbook does not follow is not
   * judged at all.
   */
  private static void set(Call call) {
    if (call.state.findParent("<Proxy", "<ProxyMatch") != null || call.state.workers == null) {
      return;
    }
    ConfWords.Word first = ConfWords.next(call.args(), 0);
    String name = first.value();
    if (name.isEmpty() || name.indexOf('=') >= 0) {
      return;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    boolean balancer = lower.startsWith("balancer://");
    String origin = origin(lower);
    for (String w : call.state.workers) {
      if (balancer ? w.startsWith("balancer://") : origin != null && origin.equals(origin(w))) {
        return;
      }
    }
    call.fail(Problem.Kind.ARGUMENTS, call.at(first), "ProxySet can not find '" + name + "' "
        + (balancer ? "Balancer." : "Worker."), "define it first: ProxyPass, BalancerMember or <Proxy " + name + ">");
  }

  /** {@code scheme://host} of a URL without port or path, or null. */
  private static String origin(String url) {
    int sep = url.indexOf("://");
    if (sep <= 0) {
      return null;
    }
    int end = sep + 3;
    while (end < url.length() && "/:?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    return url.substring(0, end);
  }

  private static void pass(Call call, boolean isRegex) {
    String f = call.state.path;
    String r = null;
    boolean regex = isRegex;
    String name = call.name();
    for (ConfWords.Word word : call.words()) {
      String w = word.value();
      if (f == null) {
        if (w.equals("~")) {
          if (isRegex) {
            call.fail(Problem.Kind.ARGUMENTS, call.at(word), "ProxyPassMatch invalid syntax ('~' usage).", null);
            return;
          }
          regex = true;
          continue;
        }
        f = w;
      } else if (r == null) {
        r = w;
      } else {
        String l = w.toLowerCase(Locale.ROOT);
        if (l.equals("nocanon") || l.equals("interpolate") || l.equals("noquery")) {
          continue;
        }
        int eq = w.indexOf('=');
        if (eq < 0) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(word), call.state.path != null && r.startsWith("/")
              ? "ProxyPass|ProxyPassMatch can not have a path when defined in a location."
              : "Invalid ProxyPass|ProxyPassMatch parameter. Parameter must be in the form 'key=value'.",
              "ProxyPass /path http://backend/ key=value ...");
          return;
        }
        String key = w.substring(0, eq).toLowerCase(Locale.ROOT);
        if (key.equals("mapping")) {
          String v = w.substring(eq + 1).toLowerCase(Locale.ROOT);
          if (!v.equals("encoded") && !v.equals("servlet")) {
            call.fail(Problem.Kind.ARGUMENTS, call.at(word), "unknown mapping", null);
            return;
          }
        } else if (!WORKER_KEYS.contains(key) && !key.startsWith("hc")) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(word), "ProxyPass unknown Worker parameter", null);
          return;
        }
      }
    }
    if (r == null) {
      call.fail(Problem.Kind.ARGUMENTS, "ProxyPass|ProxyPassMatch needs a path when not defined in a location",
          "ProxyPass /path http://backend/path, or only the URL inside <Location>");
      return;
    }
    java.util.regex.Pattern p = null;
    if (regex || (call.state.path != null && (f.indexOf('*') >= 0 || f.indexOf('?') >= 0 || f.indexOf('[') >= 0))) {
      Pcre.Result compiled = Pcre.compile(f, false);
      if (!compiled.isValid()) {
        call.fail(Problem.Kind.ARGUMENTS, "Regular expression could not be compiled.", "PCRE says: " + compiled.error());
        return;
      }
      p = compiled.pattern();
    }
    if (!r.equals("!")) {
      String err = urlProblem(r);
      if (err != null) {
        call.fail(Problem.Kind.ARGUMENTS, name.equals("ProxyPassMatch") ? "ProxyPass " + err : "ProxyPass " + err,
            "the target is an absolute URL: http://127.0.0.1:8080/");
        return;
      }
    }
    if (regex || r.indexOf('$') >= 0) {
      call.state.unknownWorkers();
    } else if (!r.equals("!")) {
      call.state.worker(r);
    }
    call.value(new ProxyPassEntry(f, r, p, false));
  }

  /** ap_proxy_define_worker's URL check: a scheme and a host ("unix:" sockets aside). */
  static String urlProblem(String url) {
    String u = url;
    if (u.regionMatches(true, 0, "unix:", 0, 5)) {
      int bar = u.indexOf('|');
      if (bar < 0) {
        return null;
      }
      u = u.substring(bar + 1);
    }
    int colon = u.indexOf(':');
    if (colon <= 0 || !u.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      return "URL must be absolute!: " + url;
    }
    String rest = u.substring(colon + 1);
    if (!rest.startsWith("//")) {
      return "URL must be absolute!: " + url;
    }
    String authority = rest.substring(2);
    int slash = authority.indexOf('/');
    String host = slash < 0 ? authority : authority.substring(0, slash);
    int at = host.lastIndexOf('@');
    host = at < 0 ? host : host.substring(at + 1);
    if (host.startsWith("[")) {
      return null;
    }
    int portColon = host.indexOf(':');
    String hostname = portColon < 0 ? host : host.substring(0, portColon);
    return hostname.isEmpty() ? "URL must be absolute!: " + url : null;
  }

  private static void reverse(Call call) {
    List<String> w = ArgForms.values(call.args());
    java.util.Optional<String> ctx = call.context(Forbidden.NOT_IN_DIRECTORY | Forbidden.NOT_IN_FILES);
    if (ctx.isPresent()) {
      call.fail(Problem.Kind.CONTEXT, ctx.get(), null);
      return;
    }
    String fake;
    String real;
    if (call.state.path == null) {
      if (w.size() < 2 || w.get(1).equalsIgnoreCase("interpolate")) {
        call.fail(Problem.Kind.ARGUMENTS, "ProxyPassReverse needs a path when not defined in a location", null);
        return;
      }
      fake = w.get(0);
      real = w.get(1);
    } else {
      if (w.size() > 1 && !w.get(1).equalsIgnoreCase("interpolate")) {
        call.fail(Problem.Kind.ARGUMENTS, "ProxyPassReverse can not have a path when defined in a location", null);
        return;
      }
      fake = call.state.path;
      real = w.get(0);
    }
    call.value(new ProxyPassEntry(fake, real, null, true));
  }
}
