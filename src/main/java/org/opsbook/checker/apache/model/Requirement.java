package org.opsbook.checker.apache.model;

import java.util.List;
import java.util.Set;
import org.opsbook.checker.apache.expr.Expr;
import org.opsbook.checker.apache.text.IpAddresses;

/**
 * A parsed {@code Require} line (mod_authz_core.c, add_authz_provider).
 *
 * @param provider the provider name: all, ip, host, local, env, method, expr, valid-user, user, ...
 * @param negated {@code Require not ...}
 * @param args the provider's arguments as written
 * @param granted for {@code all}: granted (true) or denied
 * @param networks for {@code ip}: the networks
 * @param methods for {@code method}: the method names
 * @param expr for {@code expr}: the parsed expression
 */
public record Requirement(String provider, boolean negated, String args, boolean granted,
    List<IpAddresses.Network> networks, Set<String> methods, Expr expr) {
  public Requirement {
    networks = List.copyOf(networks);
    methods = Set.copyOf(methods);
  }
}
