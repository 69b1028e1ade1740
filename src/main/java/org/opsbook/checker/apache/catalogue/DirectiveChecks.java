package org.opsbook.checker.apache.catalogue;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The handler checks of the directives opsbook models, by lower-case name. Directives not listed
 * get httpd's generic checks only (context, override class, argument count).
 */
final class DirectiveChecks {
  private static final Map<String, DirectiveCheck> CHECKS = build();

  private DirectiveChecks() {}

  static Optional<DirectiveCheck> forName(String name) {
    return Optional.ofNullable(CHECKS.get(name.toLowerCase(Locale.ROOT)));
  }

  private static Map<String, DirectiveCheck> build() {
    Map<String, DirectiveCheck> m = new TreeMap<>();
    CoreChecks.register(m);
    RewriteChecks.register(m);
    HeaderChecks.register(m);
    AliasChecks.register(m);
    Authz.register(m);
    ProxyChecks.register(m);
    SslChecks.register(m);
    ModuleChecks.register(m);
    return Collections.unmodifiableMap(m);
  }

  /** A check that refuses any value outside a list (compared case-insensitively). */
  static DirectiveCheck oneOf(String message, String... values) {
    return call -> {
      String v = call.directive.word(0);
      for (String ok : values) {
        if (ok.equalsIgnoreCase(v)) {
          return;
        }
      }
      call.fail(org.opsbook.checker.apache.model.Problem.Kind.ARGUMENTS, call.at(0), message,
          "one of: " + String.join(", ", values));
    };
  }
}
