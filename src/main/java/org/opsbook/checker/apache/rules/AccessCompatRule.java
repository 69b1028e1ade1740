package org.opsbook.checker.apache.rules;

import java.util.List;
import java.util.Locale;
import org.opsbook.check.Findings;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Scope;
import org.opsbook.checker.apache.text.IpAddresses;

/** Apache 2.2's Order, Allow, Deny and Satisfy, with the Require that replaces each. */
final class AccessCompatRule extends LintRule {
  AccessCompatRule() {
    super(ApacheRules.ACCESS_COMPAT);
  }

  @Override
  public void check(HttpdConfig config, Findings findings) {
    for (Scope s : scopes(config)) {
      for (Scope.Entry e : s.entries()) {
        String name = e.directive().name();
        if (!List.of("order", "allow", "deny", "satisfy").contains(name.toLowerCase(Locale.ROOT))) {
          continue;
        }
        report(findings, e.directive(), -1, name + " " + e.directive().args() + " is Apache 2.2 access control (mod_access_compat)",
            replacement(name, e.directive().words().stream().map(w -> w.value()).toList()));
      }
    }
  }

  static String replacement(String name, List<String> words) {
    switch (name) {
      case "Order" -> {
        return "Require has no order: drop Order and write the Require lines that say who may enter";
      }
      case "Satisfy" -> {
        return words.isEmpty() || words.get(0).equalsIgnoreCase("any")
            ? "put the alternatives in <RequireAny> (the default for several Require lines)"
            : "put the conditions that must all hold in <RequireAll>";
      }
      default -> {
        String verb = name.equals("Allow") ? "Require" : "Require not";
        if (words.size() > 1 && words.get(1).equalsIgnoreCase("all")) {
          return name.equals("Allow") ? "write Require all granted" : "write Require all denied";
        }
        StringBuilder ips = new StringBuilder();
        StringBuilder hosts = new StringBuilder();
        for (String w : words.subList(Math.min(1, words.size()), words.size())) {
          if (w.toLowerCase(Locale.ROOT).startsWith("env=")) {
            continue;
          }
          (IpAddresses.network(w).isPresent() ? ips : hosts).append(' ').append(w);
        }
        String suggestion = (ips.length() > 0 ? verb + " ip" + ips : "") + (ips.length() > 0 && hosts.length() > 0 ? " and " : "")
            + (hosts.length() > 0 ? verb + " host" + hosts : "");
        if (suggestion.isEmpty()) {
          suggestion = verb + " env ...";
        }
        return "write " + suggestion + (name.equals("Deny") ? " inside <RequireAll> with what is allowed" : "");
      }
    }
  }
}
