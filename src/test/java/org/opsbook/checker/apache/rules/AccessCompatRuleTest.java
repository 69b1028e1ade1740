package org.opsbook.checker.apache.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.checker.apache.ApacheChecker;
import org.opsbook.diag.Diagnostic;

class AccessCompatRuleTest {
  private static List<String> hints(String body) {
    Snippet s = Snippet.of("apache", "<Directory /srv/www>\n" + body + "</Directory>\n", "a.conf", Map.of());
    return new ApacheChecker().check(s, CheckContext.empty()).stream()
        .map(d -> d.hintText().orElse("")).toList();
  }

  @Test
  void eachOldDirectiveIsAnsweredWithTheRequireThatReplacesIt() {
    assertEquals(List.of(
        "Require has no order: drop Order and write the Require lines that say who may enter",
        "write Require all granted"), hints("Order allow,deny\nAllow from all\n"));
    assertEquals(List.of("write Require all denied"), hints("deny from all\n"));
    assertEquals(List.of("write Require ip 192.0.2.0/24 and Require host intranet.example.org"),
        hints("Allow from 192.0.2.0/24 intranet.example.org\n"));
    assertEquals(List.of("write Require env let_in"), hints("Allow from env=let_in\n"));
    assertEquals(List.of("write Require not ip 198.51.100.7 inside <RequireAll> with what is allowed"),
        hints("Deny from 198.51.100.7\n"));
    assertEquals(List.of("put the alternatives in <RequireAny> (the default for several Require lines)"), hints("Satisfy Any\n"));
  }

  @Test
  void theMessageQuotesTheDirectiveAsWritten() {
    Snippet s = Snippet.of("apache", "<Location />\n    ORDER Deny,Allow\n</Location>\n", "a.conf", Map.of());
    Diagnostic d = new ApacheChecker().check(s, CheckContext.empty()).get(0);
    assertEquals("ORDER Deny,Allow is Apache 2.2 access control (mod_access_compat)", d.message());
  }
}
