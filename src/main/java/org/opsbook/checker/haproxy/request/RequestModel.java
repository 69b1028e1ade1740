package org.opsbook.checker.haproxy.request;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opsbook.check.Answer;
import org.opsbook.checker.haproxy.model.Acl;
import org.opsbook.checker.haproxy.model.ErrorFile;
import org.opsbook.checker.haproxy.model.HaproxyConfig;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Proxy;
import org.opsbook.checker.haproxy.model.Rule;
import org.opsbook.checker.haproxy.model.Section;
import org.opsbook.checker.haproxy.model.SectionKind;
import org.opsbook.checker.haproxy.model.Word;
import org.opsbook.checker.haproxy.validate.Expressions;

/**
 * Serves one request through an HTTP frontend as HAProxy 2.6's stream processing does
 * (configuration manual 4.x, "http-request", "use_backend"): {@code monitor-uri}, the {@code
 * tcp-request} rules, the frontend's {@code http-request} rules in order, its {@code redirect}
 * rules, the first {@code use_backend} whose condition holds or {@code default_backend}, then the
 * backend's own {@code http-request} and {@code redirect} rules. Anything it does not model makes
 * the answer say it cannot evaluate the case. Stateless; one instance per question.
 */
public final class RequestModel {
  /** Actions that change nothing the answer describes (logging, variables, counters). */
  private static final Set<String> NO_EFFECT = Set.of("capture", "set-log-level", "unset-var", "set-priority-class",
      "set-priority-offset", "set-nice", "set-tos", "set-mark", "wait-for-handshake", "disable-l7-retry");

  private final HaproxyConfig config;
  private final List<String> trace = new ArrayList<>();
  private final List<String> requestHeaders = new ArrayList<>();
  private Request request;

  private RequestModel(HaproxyConfig config, Request request) {
    this.config = config;
    this.request = request;
  }

  /** The answer for a request: the outcome and its trace, or why the model cannot say. */
  public static Answer answer(HaproxyConfig config, Request request) {
    RequestModel model = new RequestModel(config, request);
    try {
      Outcome outcome = model.serve();
      model.trace.add("=> " + outcome.text());
      return Answer.of(outcome.text(), String.join("\n", model.trace));
    } catch (CannotEvaluate e) {
      return Answer.cannotEvaluate(e.getMessage());
    }
  }

  private SampleValues samples() {
    return new SampleValues(request, config.files());
  }

  private Acls acls() {
    return new Acls(samples(), config.files());
  }

  private Outcome serve() {
    Proxy fe = frontend();
    if (!config.complete()) {
      throw new CannotEvaluate("HAProxy would stop reading the configuration before its end");
    }
    if (!fe.isHttp()) {
      throw new CannotEvaluate(fe.capabilityWord() + " '" + fe.name() + "' is in mode " + fe.mode().value()
          + "; the model serves HTTP only");
    }
    trace.add(fe.capabilityWord() + " " + fe.name() + ": " + request.method() + " " + request.url() + " from "
        + request.client());
    List<String> matched = matchedAcls(fe);
    monitor(fe);
    Optional<Outcome> early = tcpRules(fe);
    if (early.isEmpty()) {
      early = httpRules(fe);
    }
    if (early.isEmpty()) {
      early = redirects(fe);
    }
    if (early.isPresent()) {
      return finish(early.get(), fe, null, matched);
    }
    String name = switching(fe);
    if (name == null) {
      trace.add("no use_backend applies and there is no default_backend: HAProxy answers 503");
      return finish(new Outcome("503", List.of()), fe, null, matched);
    }
    Optional<Proxy> found = config.backend(name);
    if (found.isEmpty()) {
      // A fragment may leave its backends out: the choice is known, what the backend's own rules
      // would do is not, and the answer says so.
      trace.add("backend " + name + " is not in the configuration; its own rules are not known");
      List<String> clauses = new ArrayList<>(requestHeaders);
      clauses.add("backend not shown");
      return new Outcome("backend " + name, withAcls(clauses, matched));
    }
    Proxy be = found.get();
    if (be != fe) {
      if (!be.isHttp()) {
        throw new CannotEvaluate("backend '" + name + "' is in mode " + be.mode().value());
      }
      Optional<Outcome> late = httpRules(be);
      if (late.isEmpty()) {
        late = redirects(be);
      }
      if (late.isPresent()) {
        return finish(late.get(), fe, be, matched);
      }
    }
    List<String> clauses = new ArrayList<>(requestHeaders);
    return new Outcome("backend " + name, withAcls(clauses, matched));
  }

  private Proxy frontend() {
    if (request.frontend().isPresent()) {
      String name = request.frontend().get();
      return config.proxies().stream().filter(p -> p.name().equals(name) && p.kind().hasFrontend()
          && p.kind() != SectionKind.DEFAULTS).findFirst()
          .orElseThrow(() -> new CannotEvaluate("there is no frontend or listen section named '" + name + "'"));
    }
    List<Proxy> all = config.frontends();
    if (all.isEmpty()) {
      throw new CannotEvaluate("the configuration has no frontend or listen section to receive the request");
    }
    if (all.size() > 1) {
      throw new CannotEvaluate("the configuration has " + all.size() + " frontend or listen sections; say which one "
          + "receives the request with 'frontend NAME'");
    }
    return all.get(0);
  }

  /** The frontend's named ACLs that match; those the model cannot evaluate are listed as unknown. */
  private List<String> matchedAcls(Proxy fe) {
    List<String> out = new ArrayList<>();
    for (Acl acl : fe.acls()) {
      try {
        if (acls().matches(acl)) {
          out.add("acl " + acl.name());
        }
      } catch (CannotEvaluate e) {
        out.add("acl " + acl.name() + " unknown");
      }
    }
    trace.add(out.isEmpty() ? "no named ACL matches" : "ACLs: " + String.join(", ", out).replace("acl ", ""));
    return out;
  }

  private void monitor(Proxy fe) {
    for (Section s : config.sections()) {
      if (s != fe.section() && s.kind() != SectionKind.DEFAULTS) {
        continue;
      }
      for (Line l : s.lines()) {
        if (l.keyword().equals("monitor-uri") && l.arg(1).equals(request.path())) {
          throw new CannotEvaluate("the path is the monitor-uri of line " + l.number() + ", which the model does not serve");
        }
      }
    }
  }

  private Optional<Outcome> tcpRules(Proxy p) {
    Set<String> accepted = new HashSet<>();
    for (Rule r : p.tcpRequest()) {
      if (accepted.contains(r.ruleSet()) || !applies(r, p)) {
        continue;
      }
      String a = r.action();
      if (a.equals("accept")) {
        accepted.add(r.ruleSet());
      } else if (a.equals("reject")) {
        return Optional.of(new Outcome("reject", List.of()));
      } else if (!(a.startsWith("track-sc") || a.startsWith("set-var") || a.startsWith("unset-var")
          || a.equals("capture") || a.equals("expect-proxy") || a.equals("do-resolve"))) {
        throw new CannotEvaluate("the model does not run '" + r.ruleSet() + " " + a + "' (line " + r.line().number() + ")");
      }
    }
    return Optional.empty();
  }

  private boolean applies(Rule r, Proxy p) {
    if (r.condition().isEmpty()) {
      return true;
    }
    boolean holds = acls().holds(r.condition().get(), p);
    if (!holds) {
      trace.add("line " + r.line().number() + ": " + r.ruleSet() + " " + r.action() + " skipped, its condition is false");
    }
    return holds;
  }

  private Optional<Outcome> httpRules(Proxy p) {
    for (Rule r : p.httpRequest()) {
      if (!applies(r, p)) {
        continue;
      }
      String a = r.action();
      String at = "line " + r.line().number() + ": http-request " + a;
      switch (a) {
        case "allow" -> {
          trace.add(at + ": the other http-request rules of " + p.name() + " are skipped");
          return Optional.empty();
        }
        case "deny", "tarpit" -> {
          String status = r.option("deny_status").or(() -> r.option("status")).orElse(a.equals("deny") ? "403" : "500");
          trace.add(at);
          return Optional.of(reply(a + " " + status, status, r, p));
        }
        case "return" -> {
          String status = r.option("status").orElse("200");
          trace.add(at);
          return Optional.of(reply("return " + status, status, r, p));
        }
        case "redirect" -> {
          trace.add(at);
          return Optional.of(redirect(r));
        }
        case "reject", "silent-drop" -> {
          trace.add(at);
          return Optional.of(new Outcome(a, List.of()));
        }
        case "set-header", "add-header" -> {
          String name = r.arg(0);
          String value = plain(r, 1);
          List<Map.Entry<String, String>> headers = new ArrayList<>();
          for (Map.Entry<String, String> h : request.headers()) {
            if (!(a.equals("set-header") && h.getKey().equalsIgnoreCase(name))) {
              headers.add(h);
            }
          }
          headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
          request = request.withHeaders(headers);
          requestHeaders.removeIf(c -> c.toLowerCase(Locale.ROOT).startsWith("request-header "
              + name.toLowerCase(Locale.ROOT) + " ") && a.equals("set-header"));
          requestHeaders.add("request-header " + name + " " + quote(value));
          trace.add(at + " " + name + " " + quote(value));
        }
        case "del-header" -> {
          if (r.args().size() > 1) {
            throw new CannotEvaluate("the model does not run del-header with a match method (line " + r.line().number() + ")");
          }
          String name = r.arg(0);
          request = request.withHeaders(request.headers().stream().filter(h -> !h.getKey().equalsIgnoreCase(name)).toList());
          requestHeaders.removeIf(c -> c.toLowerCase(Locale.ROOT).startsWith("request-header "
              + name.toLowerCase(Locale.ROOT) + " "));
          trace.add(at + " " + name);
        }
        case "set-path" -> {
          request = request.withPath(plain(r, 0), request.query());
          trace.add(at + " " + request.path());
        }
        case "set-query" -> {
          request = request.withPath(request.path(), plain(r, 0));
          trace.add(at + " " + request.query());
        }
        default -> {
          if (NO_EFFECT.contains(a) || a.startsWith("set-var") || a.startsWith("track-sc") || a.startsWith("sc-")) {
            trace.add(at + ": nothing the answer describes");
          } else {
            throw new CannotEvaluate("the model does not run 'http-request " + a + "' (line " + r.line().number() + ")");
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Outcome> redirects(Proxy p) {
    for (Rule r : p.redirects()) {
      if (applies(r, p)) {
        trace.add("line " + r.line().number() + ": redirect");
        return Optional.of(redirect(r));
      }
    }
    return Optional.empty();
  }

  private String switching(Proxy fe) {
    for (Rule r : fe.switching()) {
      if (applies(r, fe)) {
        String name = r.action();
        if (name.contains("%")) {
          name = dynamicName(name, r);
          // 2.6 manual, use_backend: a log-format name that names no backend applies default_backend.
          if (config.backend(name).isEmpty()) {
            trace.add("line " + r.line().number() + ": use_backend gives '" + name + "', no such backend");
            break;
          }
        }
        trace.add("line " + r.line().number() + ": use_backend " + name);
        return name;
      }
    }
    if (fe.defaultBackend().isPresent()) {
      String name = fe.defaultBackend().get().value();
      if (name.contains("%")) {
        throw new CannotEvaluate("the model does not evaluate the dynamic backend name '" + name + "'");
      }
      trace.add("default_backend " + name);
      return name;
    }
    return fe.kind() == SectionKind.LISTEN ? fe.name() : null;
  }

  /** A log-format backend name made of literal text and %[sample] expressions the model evaluates. */
  private String dynamicName(String format, Rule r) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      int close = format.indexOf(']', i);
      if (!format.startsWith("%[", i) || close < 0) {
        throw new CannotEvaluate("the model does not expand the log-format string '" + format + "' (line "
            + r.line().number() + ")");
      }
      String inner = format.substring(i + 2, close);
      var expr = Expressions.sample(inner).orElseThrow(() -> new CannotEvaluate(
          "the model cannot read the expression '" + inner + "' (line " + r.line().number() + ")"));
      List<String> values = samples().values(expr);
      out.append(values.isEmpty() ? "" : values.get(0));
      i = close + 1;
    }
    return out.toString();
  }

  /** A reply built by return, deny or tarpit: its body source and headers. */
  private Outcome reply(String head, String status, Rule r, Proxy p) {
    List<String> clauses = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    boolean payload = false;
    for (int i = 0; i < r.args().size(); i++) {
      String w = r.arg(i);
      switch (w) {
        case "status", "deny_status" -> i++;
        case "content-type" -> headers.add("header Content-Type " + quote(r.arg(++i)));
        case "file" -> {
          clauses.add("file " + r.arg(++i));
          payload = true;
        }
        case "string" -> {
          clauses.add("string " + quote(r.arg(++i)));
          payload = true;
        }
        case "errorfile" -> {
          clauses.add("errorfile " + r.arg(++i));
          payload = true;
        }
        case "lf-file", "lf-string" -> throw new CannotEvaluate("the model does not expand the log-format payload of "
            + "line " + r.line().number());
        case "errorfiles" -> throw new CannotEvaluate("the model does not read http-errors sections (line "
            + r.line().number() + ")");
        case "default-errorfiles" -> {
          payload = true;
          errorfile(p, status).ifPresent(clauses::add);
        }
        case "hdr" -> {
          String name = r.arg(++i);
          i++;
          headers.add("header " + name + " " + quote(plain(r, i)));
        }
        default -> throw new CannotEvaluate("the model does not read '" + w + "' in line " + r.line().number());
      }
    }
    if (!payload && !head.startsWith("return")) {
      errorfile(p, status).ifPresent(clauses::add);
    }
    clauses.addAll(headers);
    return new Outcome(head, clauses);
  }

  private static Optional<String> errorfile(Proxy p, String status) {
    try {
      ErrorFile f = p.errorfiles().get(Integer.parseInt(status));
      return f == null ? Optional.empty() : Optional.of("errorfile " + f.path());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Outcome redirect(Rule r) {
    String kind = r.arg(0);
    String target = plain(r, 1);
    String code = "302";
    boolean dropQuery = false;
    boolean appendSlash = false;
    for (int i = 2; i < r.args().size(); i++) {
      switch (r.arg(i)) {
        case "code" -> code = r.arg(++i);
        case "drop-query" -> dropQuery = true;
        case "append-slash" -> appendSlash = true;
        default -> throw new CannotEvaluate("the model does not run the redirect option '" + r.arg(i) + "' (line "
            + r.line().number() + ")");
      }
    }
    String path = request.path();
    if (appendSlash && !path.endsWith("/")) {
      path = path + "/";
    }
    String rest = path + (dropQuery || request.query() == null ? "" : "?" + request.query());
    String location = switch (kind) {
      case "location" -> target;
      case "prefix" -> (target.equals("/") ? "" : target) + rest;
      case "scheme" -> {
        List<String> host = request.headerLines("host");
        if (host.isEmpty()) {
          throw new CannotEvaluate("a scheme redirect needs the request's Host header");
        }
        yield target + "://" + host.get(0) + rest;
      }
      default -> throw new CannotEvaluate("unknown redirect kind '" + kind + "'");
    };
    return new Outcome("redirect " + code + " " + location, List.of());
  }

  private Outcome finish(Outcome reply, Proxy fe, Proxy be, List<String> matched) {
    if (!reply.head().startsWith("backend") && (!fe.httpAfterResponse().isEmpty()
        || (be != null && !be.httpAfterResponse().isEmpty()))) {
      throw new CannotEvaluate("http-after-response rules also apply to this reply; the model does not run them");
    }
    return new Outcome(reply.head(), withAcls(new ArrayList<>(reply.clauses()), matched));
  }

  private static List<String> withAcls(List<String> clauses, List<String> matched) {
    Map<String, Boolean> seen = new LinkedHashMap<>();
    matched.forEach(m -> seen.put(m, true));
    clauses.addAll(seen.keySet());
    return clauses;
  }

  /** An argument that HAProxy reads as a log-format string, when it has no %-expression to expand. */
  private static String plain(Rule r, int i) {
    if (i >= r.args().size()) {
      return "";
    }
    Word w = r.args().get(i);
    if (w.text().contains("%") || w.dynamic()) {
      throw new CannotEvaluate("the model does not expand the log-format string '" + w.text() + "' (line "
          + r.line().number() + ")");
    }
    return w.text();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
