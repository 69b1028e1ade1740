package org.opsbook.checker.apache.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.checker.apache.expr.ExprEvaluator;
import org.opsbook.checker.apache.model.Requirement;
import org.opsbook.checker.apache.model.Scope;
import org.opsbook.checker.apache.text.IpAddresses;

/**
 * Access control for a request: mod_authz_core's Require (the last section with any Require
 * decides, as with the default {@code AuthMerging Off}; containers combine granted, denied and
 * neutral results as authz_core does) and mod_access_compat's Order, Allow and Deny. Without any
 * of them the request is allowed.
 */
final class Access {
  private Access() {}

  private enum Result { GRANTED, DENIED, DENIED_NO_USER, NEUTRAL }

  /** 0 when the request may go on, else the status: 403, or 401 when only a user could pass. */
  static int check(List<Scope> merged, RequestState state, Variables vars, List<String> trace) {
    int compat = compat(merged, state, trace);
    if (compat != 0) {
      return compat;
    }
    Scope deciding = null;
    for (Scope s : merged) {
      if (hasRequire(s, state.request.method())) {
        deciding = s;
      }
    }
    if (deciding == null) {
      return 0;
    }
    Result r = container(deciding, false, false, state, vars);
    String where = deciding.section() == null ? "the server" : deciding.section().name() + " " + deciding.argument().strip()
        + "> " + Where.line(deciding.section());
    trace.add("Require in " + where + ": " + r.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    if (r == Result.GRANTED) {
      return 0;
    }
    return r == Result.DENIED_NO_USER ? 401 : 403;
  }

  private static boolean hasRequire(Scope s, String method) {
    if (!s.all("Require").isEmpty()) {
      return true;
    }
    for (Scope c : s.children()) {
      switch (c.kind()) {
        case REQUIRE_ALL, REQUIRE_ANY, REQUIRE_NONE -> {
          return true;
        }
        case LIMIT, LIMIT_EXCEPT -> {
          if (limitApplies(c, method) && hasRequire(c, method)) {
            return true;
          }
        }
        default -> {
        }
      }
    }
    return false;
  }

  private static boolean limitApplies(Scope limit, String method) {
    List<String> methods = limit.section().words().stream().map(w -> w.value()).toList();
    boolean listed = methods.contains(method) || (method.equals("HEAD") && methods.contains("GET"));
    return limit.kind() == Scope.Kind.LIMIT == listed;
  }

  /** A Require container: AND for RequireAll, OR otherwise; RequireNone negated. */
  private static Result container(Scope s, boolean and, boolean negate, RequestState state, Variables vars) {
    List<Result> results = new ArrayList<>();
    collect(s, state, vars, results);
    Result r;
    if (and) {
      r = results.contains(Result.DENIED) ? Result.DENIED : results.contains(Result.DENIED_NO_USER) ? Result.DENIED_NO_USER
          : results.contains(Result.GRANTED) ? Result.GRANTED : Result.NEUTRAL;
    } else {
      r = results.contains(Result.GRANTED) ? Result.GRANTED : results.contains(Result.DENIED_NO_USER) ? Result.DENIED_NO_USER
          : results.contains(Result.DENIED) ? Result.DENIED : Result.NEUTRAL;
    }
    if (negate) {
      return r == Result.GRANTED ? Result.DENIED : r == Result.DENIED ? Result.NEUTRAL : r;
    }
    return r;
  }

  private static void collect(Scope s, RequestState state, Variables vars, List<Result> results) {
    for (Scope.Entry e : s.all("Require")) {
      results.add(provider((Requirement) e.value(), state, vars));
    }
    for (Scope c : s.children()) {
      switch (c.kind()) {
        case REQUIRE_ALL -> results.add(container(c, true, false, state, vars));
        case REQUIRE_ANY -> results.add(container(c, false, false, state, vars));
        case REQUIRE_NONE -> results.add(container(c, false, true, state, vars));
        case LIMIT, LIMIT_EXCEPT -> {
          if (limitApplies(c, state.request.method())) {
            collect(c, state, vars, results);
          }
        }
        default -> {
        }
      }
    }
  }

  private static Result provider(Requirement req, RequestState state, Variables vars) {
    Result r = switch (req.provider()) {
      case "all" -> req.granted() ? Result.GRANTED : Result.DENIED;
      case "ip" -> {
        Optional<IpAddresses.Address> a = IpAddresses.parse(state.request.client());
        yield a.isPresent() && req.networks().stream().anyMatch(n -> n.contains(a.get())) ? Result.GRANTED : Result.DENIED;
      }
      case "local" -> {
        String c = state.request.client();
        yield c.equals("127.0.0.1") || c.equals("::1") || c.startsWith("127.") ? Result.GRANTED : Result.DENIED;
      }
      case "method" -> req.methods().contains(state.request.method())
          || (state.request.method().equals("HEAD") && req.methods().contains("GET")) ? Result.GRANTED : Result.DENIED;
      case "env" -> {
        boolean any = false;
        for (String name : req.args().split("\\s+")) {
          any |= !name.isEmpty() && state.env.containsKey(name);
        }
        yield any ? Result.GRANTED : Result.DENIED;
      }
      case "expr" -> {
        try {
          yield new ExprEvaluator(vars.exprContext()).test(req.expr()) ? Result.GRANTED : Result.DENIED;
        } catch (ExprEvaluator.Unknown e) {
          throw new CannotEvaluate("Require expr: " + e.getMessage());
        }
      }
      case "valid-user", "user", "group" -> {
        if (state.request.header("Authorization").isPresent()) {
          throw new CannotEvaluate("Require " + req.provider() + " with credentials needs the password file");
        }
        yield Result.DENIED_NO_USER;
      }
      default -> throw new CannotEvaluate("Require " + req.provider() + " needs what opsbook does not model (DNS, LDAP, TLS)");
    };
    if (req.negated()) {
      return r == Result.GRANTED ? Result.DENIED : r == Result.DENIED ? Result.NEUTRAL : r;
    }
    return r;
  }

  /** mod_access_compat: Order with its Allow and Deny lists; the last section that has them decides. */
  private static int compat(List<Scope> merged, RequestState state, List<String> trace) {
    String order = "deny,allow";
    List<Scope.Entry> allows = List.of();
    List<Scope.Entry> denies = List.of();
    boolean any = false;
    for (Scope s : merged) {
      if (s.last("Order").isPresent()) {
        order = s.last("Order").get().directive().word(0).toLowerCase(Locale.ROOT);
        any = true;
      }
      if (!s.all("Allow").isEmpty()) {
        allows = s.all("Allow");
        any = true;
      }
      if (!s.all("Deny").isEmpty()) {
        denies = s.all("Deny");
        any = true;
      }
    }
    if (!any) {
      return 0;
    }
    boolean allowed = matches(allows, state);
    boolean denied = matches(denies, state);
    boolean ok = switch (order) {
      case "allow,deny" -> allowed && !denied;
      case "mutual-failure" -> allowed && !denied;
      default -> !denied || allowed;
    };
    trace.add("Order " + order + ": " + (ok ? "allowed" : "denied"));
    return ok ? 0 : 403;
  }

  private static boolean matches(List<Scope.Entry> entries, RequestState state) {
    Optional<IpAddresses.Address> client = IpAddresses.parse(state.request.client());
    for (Scope.Entry e : entries) {
      List<String> words = e.directive().words().stream().map(w -> w.value()).toList();
      for (String w : words.subList(1, words.size())) {
        String l = w.toLowerCase(Locale.ROOT);
        if (l.equals("all")) {
          return true;
        }
        if (l.startsWith("env=")) {
          boolean negate = l.startsWith("env=!");
          String name = w.substring(negate ? 5 : 4);
          if (state.env.containsKey(name) != negate) {
            return true;
          }
          continue;
        }
        Optional<IpAddresses.Network> net = IpAddresses.network(w);
        if (net.isPresent()) {
          if (client.isPresent() && net.get().contains(client.get())) {
            return true;
          }
          continue;
        }
        throw new CannotEvaluate("Allow/Deny from " + w + " needs a DNS lookup of the client");
      }
    }
    return false;
  }
}
