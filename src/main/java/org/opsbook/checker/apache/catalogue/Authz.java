package org.opsbook.checker.apache.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.checker.apache.expr.Expr;
import org.opsbook.checker.apache.expr.ExprParser;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.Problem;
import org.opsbook.checker.apache.model.Requirement;
import org.opsbook.checker.apache.model.Scope;
import org.opsbook.checker.apache.text.IpAddresses;

/**
 * Access control: mod_authz_core's Require and its containers, the providers of the loaded modules,
 * and mod_access_compat's Order/Allow/Deny/Satisfy.
 */
final class Authz {
  /** Providers by module (each module registers its own in its register_hooks). */
  private static final Map<String, String> PROVIDERS = Map.ofEntries(
      Map.entry("all", "authz_core"), Map.entry("env", "authz_core"), Map.entry("method", "authz_core"),
      Map.entry("expr", "authz_core"), Map.entry("ip", "authz_host"), Map.entry("host", "authz_host"),
      Map.entry("forward-dns", "authz_host"), Map.entry("local", "authz_host"), Map.entry("user", "authz_user"),
      Map.entry("valid-user", "authz_user"), Map.entry("group", "authz_groupfile"),
      Map.entry("file-owner", "authz_owner"), Map.entry("file-group", "authz_owner"),
      Map.entry("dbm-group", "authz_dbm"), Map.entry("dbm-file-group", "authz_dbm"),
      Map.entry("dbd-group", "authz_dbd"), Map.entry("dbd-login", "authz_dbd"), Map.entry("dbd-logout", "authz_dbd"),
      Map.entry("ldap-user", "authnz_ldap"), Map.entry("ldap-group", "authnz_ldap"), Map.entry("ldap-dn", "authnz_ldap"),
      Map.entry("ldap-attribute", "authnz_ldap"), Map.entry("ldap-filter", "authnz_ldap"),
      Map.entry("ldap-search", "authnz_ldap"), Map.entry("ssl", "ssl"), Map.entry("ssl-verify-client", "ssl"));

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT", "POST", "DELETE", "CONNECT", "OPTIONS",
      "TRACE", "PATCH", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "VERSION-CONTROL", "CHECKOUT",
      "UNCHECKOUT", "CHECKIN", "UPDATE", "LABEL", "REPORT", "MKWORKSPACE", "MKACTIVITY", "BASELINE-CONTROL", "MERGE");

  private Authz() {}

  static void register(Map<String, DirectiveCheck> m) {
    m.put("require", Authz::require);
    m.put("order", call -> {
      String v = call.directive.word(0).toLowerCase(Locale.ROOT);
      if (!v.equals("allow,deny") && !v.equals("deny,allow") && !v.equals("mutual-failure")) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(0), "unknown order", "Order Deny,Allow or Order Allow,Deny, without spaces");
      }
    });
    m.put("satisfy", call -> {
      String v = call.directive.word(0).toLowerCase(Locale.ROOT);
      if (!v.equals("all") && !v.equals("any")) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(0), "Satisfy either 'any' or 'all'.", null);
      }
    });
    m.put("allow", Authz::allowDeny);
    m.put("deny", Authz::allowDeny);
    m.put("authmerging", DirectiveChecks.oneOf("AuthMerging must be one of: Off | And | Or", "off", "and", "or"));
  }

  /** add_authz_section. */
  static void section(Call call, ConfigWalker walker) {
    String arg = Sections.inner(call);
    if (arg == null) {
      return;
    }
    if (!arg.isEmpty()) {
      call.fail(Problem.Kind.SECTION, call.name() + "> directive doesn't take additional arguments", null);
      return;
    }
    String n = call.name().toLowerCase(Locale.ROOT);
    ConfigWalker.AuthzSection section = new ConfigWalker.AuthzSection(n.equals("<requireall"), n.equals("<requirenone"));
    ConfigWalker.ScopeBuilder outer = walker.current();
    ConfigWalker.AuthzSection old = outer.authz;
    call.state.limited &= ~(1L << 63);
    call.state.override = Overrides.OR_AUTHCFG;
    Scope.Kind kind = section.and() ? Scope.Kind.REQUIRE_ALL : section.negate() ? Scope.Kind.REQUIRE_NONE : Scope.Kind.REQUIRE_ANY;
    ConfigWalker.ScopeBuilder inner = new ConfigWalker.ScopeBuilder(kind, call.directive, "", null);
    inner.authz = section;
    ConfigWalker.ScopeBuilder entered = walker.enterPrepared(inner);
    if (entered.entries.stream().noneMatch(e -> e.is("Require")) && entered.children.isEmpty()) {
      call.fail(Problem.Kind.REQUIRE, section.describe() + " directive contains no authorization directives",
          "put Require lines in it");
      return;
    }
    ConfigWalker.AuthzSection container = old == null ? ConfigWalker.AuthzSection.DEFAULT : old;
    if (section.negate() && !container.and()) {
      call.fail(Problem.Kind.REQUIRE, section.describe() + " directive has no effect in " + container.describe() + " directive",
          "put <RequireNone> inside <RequireAll>");
      return;
    }
    outer.authz = container;
    Sections.add(walker, entered);
  }

  /** add_authz_provider and the providers' parse functions. */
  private static void require(Call call) {
    String args = call.args();
    ConfWords.Word w = ConfWords.next(args, 0);
    boolean negated = false;
    if (w.value().equalsIgnoreCase("not")) {
      negated = true;
      w = ConfWords.next(args, w.end());
    }
    String provider = w.value();
    String rest = args.substring(ConfWords.skipSpace(args, w.end()));
    String module = PROVIDERS.get(provider);
    if (module == null || !call.modules().has(module)) {
      call.fail(Problem.Kind.REQUIRE, call.at(w), "Unknown Authz provider: " + provider,
          module == null ? "providers are all, ip, host, local, env, method, expr, valid-user, user, group (names are case-sensitive)"
              : "the '" + provider + "' provider comes with mod_" + module + ", which is not enabled");
      return;
    }
    boolean granted = false;
    List<IpAddresses.Network> networks = new ArrayList<>();
    Set<String> methods = new TreeSet<>();
    Expr expr = null;
    switch (provider) {
      case "all" -> {
        if (rest.equalsIgnoreCase("granted")) {
          granted = true;
        } else if (!rest.equalsIgnoreCase("denied")) {
          call.fail(Problem.Kind.REQUIRE, call.at(w), "Argument for 'Require all' must be 'granted' or 'denied'",
              "Require all granted, or Require all denied");
          return;
        }
      }
      case "ip" -> {
        List<ConfWords.Word> words = ConfWords.split(rest);
        if (words.isEmpty() || words.get(0).value().isEmpty()) {
          call.fail(Problem.Kind.REQUIRE, "'require ip' requires an argument", null);
          return;
        }
        for (ConfWords.Word a : words) {
          if (a.value().isEmpty()) {
            break;
          }
          var net = IpAddresses.network(a.value());
          if (net.isEmpty()) {
            call.fail(Problem.Kind.REQUIRE, "ip address '" + a.value() + "' appears to be invalid",
                a.value().startsWith("#") ? "httpd has no end-of-line comments: put the comment on its own line"
                    : "an address, a prefix such as 10.1, or a network such as 192.0.2.0/24");
            return;
          }
          networks.add(net.get());
        }
      }
      case "method" -> {
        for (ConfWords.Word a : ConfWords.split(rest)) {
          if (a.value().isEmpty()) {
            break;
          }
          if (!METHODS.contains(a.value())) {
            call.fail(Problem.Kind.REQUIRE, "Invalid Method '" + a.value() + "'", "method names are upper case: GET, POST, ...");
            return;
          }
          methods.add(a.value());
        }
      }
      case "expr" -> {
        String text = rest;
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
          text = text.substring(1, text.length() - 1);
        }
        ExprParser.Result parsed = ExprParser.parse(text, Sections.exprOptions(call));
        if (!parsed.ok()) {
          call.fail(Problem.Kind.EXPRESSION, "Cannot parse expression in require line: " + parsed.error(), null);
          return;
        }
        expr = parsed.expr();
      }
      case "host", "user", "forward-dns", "group", "ldap-user", "ldap-group", "ldap-dn", "ldap-attribute" -> {
        ExprParser.StringResult parsed = ExprParser.parseString(rest, Sections.exprOptions(call));
        if (!parsed.ok() && !rest.isEmpty()) {
          call.fail(Problem.Kind.EXPRESSION, "Cannot parse expression in require line: " + parsed.error(), null);
          return;
        }
      }
      default -> {
        // local, env, valid-user and the rest take their arguments as they are.
      }
    }
    ConfigWalker.ScopeBuilder scope = call.scope();
    ConfigWalker.AuthzSection container = scope.authz == null ? ConfigWalker.AuthzSection.DEFAULT : scope.authz;
    if (negated && !container.and()) {
      call.fail(Problem.Kind.REQUIRE, "negative Require directive has no effect in " + container.describe() + " directive",
          "a 'Require not' must sit inside <RequireAll> together with something it narrows");
      return;
    }
    scope.authz = container;
    call.value(new Requirement(provider, negated, rest, granted, networks, methods, expr));
  }

  /** allow_cmd in mod_access_compat.c (ITERATE2: "from", then each host, address or env=). */
  private static void allowDeny(Call call) {
    List<ConfWords.Word> words = call.words();
    if (!words.get(0).value().equalsIgnoreCase("from")) {
      call.fail(Problem.Kind.ARGUMENTS, call.at(words.get(0)), "allow and deny must be followed by 'from'",
          call.name() + " from all, or " + call.name() + " from 192.0.2.0/24");
      return;
    }
    for (int i = 1; i < words.size(); i++) {
      String where = words.get(i).value();
      if (where.isEmpty()) {
        break;
      }
      String l = where.toLowerCase(Locale.ROOT);
      if (l.startsWith("env=") || l.equals("all")) {
        continue;
      }
      if (where.indexOf('/') >= 0) {
        if (IpAddresses.network(where).isEmpty()) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(words.get(i)), "An IP address was expected", null);
          return;
        }
        continue;
      }
      if (IpAddresses.network(where).isPresent()) {
        continue;
      }
      if (where.indexOf('#') >= 0) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(words.get(i)), "No comments are allowed here",
            "httpd has no end-of-line comments: put the comment on its own line");
        return;
      }
    }
  }
}
