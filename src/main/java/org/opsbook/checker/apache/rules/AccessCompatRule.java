package org.opsbook.checker.apache.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.check.Findings;
import org.opsbook.checker.apache.model.ConfWords;
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
        String key = e.directive().key();
        if (!List.of("order", "allow", "deny", "satisfy").contains(key)) {
          continue;
        }
        // The tree carries httpd's own spelling (lower case for mod_access_compat's names); the
        // message quotes the line as the author wrote it.
        String written = ConfWords.next(e.directive().line().text(), 0).value();
        report(findings, e.directive(), -1, written + " " + e.directive().args() + " is Apache 2.2 access control (mod_access_compat)",
            replacement(key, e.directive().words().stream().map(w -> w.value()).toList()));
      }
    }
  }

  /** The Require form that replaces a 2.2 directive, {@code key} in lower case. */
  static String replacement(String key, List<String> words) {
    switch (key) {
      case "order" -> {
        return "Require has no order: drop Order and write the Require lines that say who may enter";
      }
      case "satisfy" -> {
        return words.isEmpty() || words.get(0).equalsIgnoreCase("any")
            ? "put the alternatives in <RequireAny> (the default for several Require lines)"
            : "put the conditions that must all hold in <RequireAll>";
      }
      default -> {
        boolean allow = key.equals("allow");
        String verb = allow ? "Require" : "Require not";
        if (words.size() > 1 && words.get(1).equalsIgnoreCase("all")) {
          return allow ? "write Require all granted" : "write Require all denied";
        }
        List<String> parts = new ArrayList<>();
        StringBuilder ips = new StringBuilder();
        StringBuilder hosts = new StringBuilder();
        StringBuilder envs = new StringBuilder();
        for (String w : words.subList(Math.min(1, words.size()), words.size())) {
          if (w.toLowerCase(Locale.ROOT).startsWith("env=")) {
            // mod_access_compat: "env=!NAME" matches when NAME is unset.
            String variable = w.substring(4);
            if (variable.startsWith("!")) {
              parts.add((allow ? "Require not" : "Require") + " env " + variable.substring(1));
            } else {
              envs.append(' ').append(variable);
            }
            continue;
          }
          (IpAddresses.network(w).isPresent() ? ips : hosts).append(' ').append(w);
        }
        if (ips.length() > 0) {
          parts.add(0, verb + " ip" + ips);
        }
        if (hosts.length() > 0) {
          parts.add(verb + " host" + hosts);
        }
        if (envs.length() > 0) {
          parts.add(verb + " env" + envs);
        }
        String suggestion = parts.isEmpty() ? verb + " ip ... or " + verb + " host ..." : String.join(" and ", parts);
        return "write " + suggestion + (allow ? "" : " inside <RequireAll> with what is allowed");
      }
    }
  }
}
