package org.opsbook.checker.apache.request;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.Scope;
import org.opsbook.checker.apache.text.Pcre;

/**
 * Environment variables a configuration sets: mod_setenvif's SetEnvIf, SetEnvIfNoCase,
 * BrowserMatch and BrowserMatchNoCase (on request headers, Remote_Addr, Request_Method,
 * Request_Protocol, Request_URI or an earlier variable), and mod_env's SetEnv and UnsetEnv.
 */
final class Environment {
  private Environment() {}

  /** SetEnvIf and friends of these scopes, in order. */
  static void setEnvIf(List<Scope> scopes, RequestState state, List<String> trace) {
    for (Scope s : scopes) {
      for (Scope.Entry e : s.entries()) {
        String name = e.directive().name().toLowerCase(Locale.ROOT);
        boolean browser = name.startsWith("browsermatch");
        if (!name.startsWith("setenvif") || name.equals("setenvifexpr")) {
          if (!browser) {
            if (name.equals("setenvifexpr")) {
              throw new CannotEvaluate("SetEnvIfExpr on line " + e.directive().line().lastLine() + " is not modelled");
            }
            continue;
          }
        }
        List<ConfWords.Word> w = e.directive().words();
        String attribute = browser ? "User-Agent" : w.get(0).value();
        int at = browser ? 0 : 1;
        String regex = w.get(at).value();
        boolean negate = regex.startsWith("!");
        Pcre.Result r = Pcre.compile(negate ? regex.substring(1) : regex, name.endsWith("nocase"));
        if (r.pattern() == null) {
          throw new CannotEvaluate(e.directive().name() + " on line " + e.directive().line().lastLine() + " uses a pattern opsbook does not run");
        }
        Optional<String> value = attribute(attribute, state);
        if (value.isEmpty()) {
          continue;
        }
        Matcher m = r.pattern().matcher(value.get());
        boolean matched = m.find();
        if (matched == negate) {
          continue;
        }
        for (ConfWords.Word assign : w.subList(at + 1, w.size())) {
          apply(assign.value(), negate ? null : m, state);
        }
        trace.add(e.directive().name() + " on line " + e.directive().line().lastLine() + " matches " + attribute);
      }
    }
  }

  private static Optional<String> attribute(String name, RequestState state) {
    Request r = state.request;
    switch (name.toLowerCase(Locale.ROOT)) {
      case "remote_addr" -> {
        return Optional.of(r.client());
      }
      case "request_method" -> {
        return Optional.of(r.method());
      }
      case "request_protocol" -> {
        return Optional.of("HTTP/1.1");
      }
      case "request_uri" -> {
        return Optional.of(state.uri);
      }
      case "remote_host", "server_addr" -> throw new CannotEvaluate("SetEnvIf " + name + " needs DNS or the server's address");
      default -> {
        if (state.env.containsKey(name)) {
          return Optional.of(state.env.get(name));
        }
        return r.header(name);
      }
    }
  }

  private static void apply(String assignment, Matcher m, RequestState state) {
    if (assignment.startsWith("!")) {
      state.env.remove(assignment.substring(1));
      return;
    }
    int eq = assignment.indexOf('=');
    String name = eq < 0 ? assignment : assignment.substring(0, eq);
    String value = eq < 0 ? "1" : assignment.substring(eq + 1);
    if (m != null) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '$' && i + 1 < value.length() && Character.isDigit(value.charAt(i + 1))) {
          int g = value.charAt(++i) - '0';
          out.append(g <= m.groupCount() && m.group(g) != null ? m.group(g) : "");
        } else {
          out.append(c);
        }
      }
      value = out.toString();
    }
    state.env.put(name, value);
  }

  /** mod_env's SetEnv and UnsetEnv of the merged configuration (a fixup). */
  static void setEnv(List<Scope> merged, RequestState state) {
    for (Scope s : merged) {
      for (Scope.Entry e : s.entries()) {
        if (e.is("SetEnv")) {
          state.env.put(e.directive().word(0), e.directive().words().size() > 1 ? e.directive().word(1) : "");
        } else if (e.is("UnsetEnv")) {
          e.directive().words().forEach(w -> state.env.remove(w.value()));
        } else if (e.is("PassEnv")) {
          throw new CannotEvaluate("PassEnv copies the server's own environment");
        }
      }
    }
  }
}
