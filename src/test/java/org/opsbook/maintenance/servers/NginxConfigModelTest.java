package org.opsbook.maintenance.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.ModelAnswers;

/**
 * The generated nginx.conf's request behaviour, asserted through opsbook's own nginx model: who
 * gets the 503 page with its headers, who passes through, and that the flag file switches it.
 */
class NginxConfigModelTest {
  private static final String FLAG = "/var/www/maintenance/full.on";
  private static final String PAGE = "/var/www/maintenance/full/index.html";

  private static String config(String page) throws IOException {
    return new NginxConfig().generate(ServerConfigGoldenTest.served(page));
  }

  @Test
  void theGeneratedConfigsLintClean() throws IOException {
    for (String page : List.of("full", "minimal", "html-only")) {
      List<Diagnostic> found = CheckerRegistry.load().forLanguage("nginx").orElseThrow()
          .check(Snippet.ofFile("nginx", config(page), page + "/nginx.conf"), CheckContext.empty());
      assertEquals(List.of(), found, page);
    }
  }

  @Test
  void anOrdinaryRequestGetsThePageWithItsHeadersWhileTheFlagExists() throws IOException {
    ModelAnswers.assertAll("nginx", config("full"), """
        GET http://www.example.org/shop/cart from 203.0.113.5
        => 503 file %2$s, header Retry-After "1800", header Cache-Control "no-store",
           header Content-Security-Policy "%3$s", location @opsbook_maintenance_full

        # Without the page on disk, the 503 still carries its headers.
        GET http://www.example.org/ from 203.0.113.5 files %1$s
        => 503, header Retry-After "1800", header Cache-Control "no-store"
        """.formatted(FLAG, PAGE, ServerConfigGoldenTest.POLICY), Map.of("files", FLAG + " " + PAGE));
  }

  @Test
  void withoutTheFlagFileEveryRequestReachesTheApplication() throws IOException {
    ModelAnswers.assertAll("nginx", config("full"), """
        GET http://www.example.org/shop/cart?item=3 from 203.0.113.5 files %s
        => proxy http://opsbook_maintenance_full_app/shop/cart?item=3, no header Retry-After, location /
        GET http://www.example.org/ files none => proxy http://opsbook_maintenance_full_app/
        """.formatted(PAGE));
  }

  @Test
  void allowedAddressesCookieHealthAndPassPathsGoThrough() throws IOException {
    String cookie = ServerConfigGoldenTest.served("full").cookieValue().orElseThrow();
    ModelAnswers.assertAll("nginx", config("full"), """
        GET http://www.example.org/admin from 192.0.2.10 => proxy http://opsbook_maintenance_full_app/admin
        GET http://www.example.org/admin from 198.51.100.77 => proxy http://opsbook_maintenance_full_app/admin
        GET http://www.example.org/admin from 2001:db8:42::5 => proxy http://opsbook_maintenance_full_app/admin
        GET http://www.example.org/admin from 198.51.101.1 => 503 file %2$s
        GET http://www.example.org/a cookie opsbook_maintenance_bypass=%1$s => proxy http://opsbook_maintenance_full_app/a
        GET http://www.example.org/a
          Cookie: theme=dark; opsbook_maintenance_bypass=%1$s; lang=en
        => proxy http://opsbook_maintenance_full_app/a
        GET http://www.example.org/a cookie opsbook_maintenance_bypass=0000 => 503 file %2$s
        GET http://www.example.org/healthz => proxy http://opsbook_maintenance_full_app/healthz
        GET http://www.example.org/healthz/deep => 503 file %2$s
        GET http://www.example.org/api/webhooks/stripe?id=1 => proxy http://opsbook_maintenance_full_app/api/webhooks/stripe?id=1
        GET http://www.example.org/.well-known/acme-challenge/t0k3n => proxy http://opsbook_maintenance_full_app/.well-known/acme-challenge/t0k3n
        """.formatted(cookie, PAGE), Map.of("files", FLAG + " " + PAGE));
  }

  @Test
  void theSecretUrlSetsTheCookieAndSendsTheAdminHome() throws IOException {
    ServedPage served = ServerConfigGoldenTest.served("full");
    ModelAnswers.assertAll("nginx", config("full"), """
        GET http://www.example.org%s
        => 302 http://www.example.org/, header Set-Cookie "%s", header Cache-Control "no-store"
        """.formatted(served.bypassPath().orElseThrow(), served.setCookie().orElseThrow()),
        Map.of("files", FLAG + " " + PAGE));
  }

  @Test
  void htmlOnlyLetsRequestsThatDoNotAcceptHtmlThrough() throws IOException {
    String flag = "/var/www/maintenance/html-only.on";
    String page = "/var/www/maintenance/html-only/index.html";
    ModelAnswers.assertAll("nginx", config("html-only"), """
        GET http://localhost:8081/
          Accept: text/html,application/xhtml+xml
        => 503 file %s
        GET http://localhost:8081/api/items
          Accept: application/json
        => proxy http://opsbook_maintenance_html_only_app/api/items
        """.formatted(page), Map.of("files", flag + " " + page));
  }
}
