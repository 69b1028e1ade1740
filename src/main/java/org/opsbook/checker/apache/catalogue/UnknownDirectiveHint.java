package org.opsbook.checker.apache.catalogue;

import org.opsbook.check.Suggestion;
import java.util.List;
import java.util.Locale;

/** The hint for httpd's "Invalid command": which module has the directive, or what was meant. */
final class UnknownDirectiveHint {
  private static final List<String> ACCESS_COMPAT = List.of("order", "allow", "deny", "satisfy");

  private UnknownDirectiveHint() {}

  static String hint(String name, ModuleSet modules) {
    String l = name.toLowerCase(Locale.ROOT);
    if (ACCESS_COMPAT.contains(l) && !modules.has("access_compat")) {
      return name + " is Apache 2.2 access control from mod_access_compat, which is not enabled: write Require "
          + "(Require all granted, Require ip 192.0.2.0/24) instead";
    }
    List<DirectiveSpec> elsewhere = DirectiveCatalogue.all(name);
    if (!elsewhere.isEmpty()) {
      String module = elsewhere.get(0).module();
      return name + " is part of mod_" + module + ", which is not in the enabled module set: enable it with 'a2enmod "
          + module + "' and add it to checkers.apache.modules, or wrap it in <IfModule mod_" + module + ".c>";
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ModuleInfo m : DirectiveCatalogue.modules()) {
      if (!modules.has(m.name())) {
        continue;
      }
      for (String candidate : DirectiveCatalogue.namesOf(m.name())) {
        int d = distance(l, candidate.toLowerCase(Locale.ROOT));
        if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
          bestDistance = d;
          best = candidate;
        }
      }
    }
    if (best != null && bestDistance <= Math.max(1, name.length() / 4)) {
      return "did you mean " + best + "?";
    }
    if (name.startsWith("#")) {
      return "comments start a line of their own in httpd's configuration";
    }
    return "no module Debian's apache2 ships knows this directive";
  }

  /** Edit distance, given up on for names too far apart in length to be a typo of each other. */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE / 2;
    }
    return Suggestion.distance(a, b);
  }
}
