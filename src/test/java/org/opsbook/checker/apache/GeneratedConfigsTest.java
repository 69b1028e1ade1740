package org.opsbook.checker.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.maintenance.page.MaintenancePage;
import org.opsbook.maintenance.page.MaintenancePageParser;
import org.opsbook.maintenance.servers.ApacheConfig;
import org.opsbook.maintenance.servers.ServedPage;
import org.opsbook.serverconfig.ApacheVhost;
import org.opsbook.serverconfig.VhostOptions;
import org.opsbook.testing.Project;

/**
 * What opsbook generates for Apache, checked by the Apache checker: the maintenance pages'
 * apache.conf and {@code opsbook server-config apache} come out clean, and the request model says
 * they behave as their documentation promises.
 */
class GeneratedConfigsTest {
  private static final String POLICY = "default-src 'none'; img-src data:";

  static String maintenance(String name) throws IOException {
    Path file = Project.root().resolve("content/maintenance/" + name + ".md");
    MaintenancePageParser.Result parsed = MaintenancePageParser.parse(name, "content/maintenance/" + name + ".md",
        Files.readString(file, StandardCharsets.UTF_8));
    MaintenancePage page = parsed.page().orElseThrow(() -> new AssertionError(parsed.diagnostics()));
    return new ApacheConfig().generate(new ServedPage(page, POLICY, 5000));
  }

  private static void assertPasses(String config, String block, Map<String, String> attributes) {
    TestReport report = Ask.tests(config, block, attributes);
    assertEquals(List.of(), report.diagnostics(), "unreadable cases");
    List<String> failed = report.results().stream().filter(r -> !r.passed()).map(TestResult::toString).toList();
    assertEquals(List.of(), failed);
    assertEquals(block.strip().split("\n").length, report.results().size(), "every case ran");
  }

  @Test
  void maintenanceConfigsAreClean() throws IOException {
    for (String name : List.of("upgrade", "emergency")) {
      assertEquals(List.of(), Ask.check(maintenance(name)), name);
    }
  }

  @Test
  void whileTheFlagFileExistsThePublicGetsThePageWithItsHeaders() throws IOException {
    String config = maintenance("upgrade");
    String on = "/var/www/maintenance/upgrade.on /var/www/maintenance/upgrade/index.html";
    assertPasses(config, """
        GET http://www.example.org/ => 503 file /var/www/maintenance/upgrade/index.html, header Retry-After 1800, header Cache-Control no-store, header Content-Security-Policy "default-src 'none'; img-src data:"
        GET http://www.example.org/shop?item=3 from 203.0.113.50 => 503 file /var/www/maintenance/upgrade/index.html, header Retry-After 1800
        GET http://www.example.org/shop from 192.0.2.10 => proxy http://127.0.0.1:8080/shop, no header Retry-After
        GET http://www.example.org/shop from 198.51.100.77 => proxy http://127.0.0.1:8080/shop
        GET http://www.example.org/shop from 2001:db8:42::1 => proxy http://127.0.0.1:8080/shop
        GET http://www.example.org/shop from 2001:db8:43::1 => 503 file /var/www/maintenance/upgrade/index.html
        GET http://www.example.org/shop cookie opsbook_maintenance_bypass=7cdc2998438b90dc7dfa90853dae2487 => proxy http://127.0.0.1:8080/shop
        GET http://www.example.org/shop cookie opsbook_maintenance_bypass=wrong => 503 file /var/www/maintenance/upgrade/index.html
        GET http://www.example.org/healthz => proxy http://127.0.0.1:8080/healthz
        GET http://www.example.org/healthz/deep => 503 file /var/www/maintenance/upgrade/index.html
        GET http://www.example.org/api/webhooks/stripe => proxy http://127.0.0.1:8080/api/webhooks/stripe
        GET http://www.example.org/__maintenance_bypass/6f1c0e4b9a7d2c85e3f0a1b2c3d4e5f6 => 302 http://www.example.org/, header Cache-Control no-store, header Set-Cookie "opsbook_maintenance_bypass=7cdc2998438b90dc7dfa90853dae2487; Path=/; Max-Age=43200; HttpOnly; Secure; SameSite=Lax"
        GET http://www.example.org/__opsbook_maintenance/upgrade/index.html => 404
        """, Map.of("files", on));
  }

  @Test
  void withoutTheFlagFileEverythingGoesToTheApplication() throws IOException {
    assertPasses(maintenance("upgrade"), """
        GET http://www.example.org/ => proxy http://127.0.0.1:8080/, no header Retry-After
        GET http://www.example.org/checkout?step=2 => proxy http://127.0.0.1:8080/checkout?step=2
        GET http://www.example.org/__opsbook_maintenance/upgrade/index.html => 404
        """, Map.of("files", "/var/www/maintenance/upgrade/index.html"));
  }

  static VhostOptions site(boolean tls) {
    return new VhostOptions("book.example.org", Path.of("/srv/www/book"), Optional.empty(),
        tls ? Optional.of(Path.of("/etc/ssl/book/fullchain.pem")) : Optional.empty(),
        tls ? Optional.of(Path.of("/etc/ssl/book/privkey.pem")) : Optional.empty(), 31536000, true, false, 300, "/404.html");
  }

  @Test
  void serverConfigIsClean() {
    assertEquals(List.of(), Ask.check(new ApacheVhost().render(site(false))));
    assertEquals(List.of(), Ask.check(new ApacheVhost().render(site(true))));
  }

  @Test
  void serverConfigServesTheSiteWithItsCachePolicy() {
    String files = "/srv/www/book/current/index.html /srv/www/book/current/guide/index.html "
        + "/srv/www/book/current/assets/app.3f9a1c.css /srv/www/book/current/assets/app.3f9a1c.css.gz /srv/www/book/current/404.html "
        + "/srv/www/book/current/.opsbook-publish";
    assertPasses(new ApacheVhost().render(site(true)), """
        GET http://book.example.org/guide/ => 301 https://book.example.org/guide/
        GET https://book.example.org/ => 200 file /srv/www/book/current/index.html, header Cache-Control "public, max-age=300, must-revalidate", header Strict-Transport-Security "max-age=31536000; includeSubDomains"
        GET https://book.example.org/guide => 301 https://book.example.org/guide/
        GET https://book.example.org/assets/app.3f9a1c.css => 200 file /srv/www/book/current/assets/app.3f9a1c.css, header Cache-Control "public, max-age=31536000, immutable"
        GET https://book.example.org/assets/app.3f9a1c.css Accept-Encoding: gzip, br => 200 file /srv/www/book/current/assets/app.3f9a1c.css.gz, header Content-Encoding gzip, header Vary Accept-Encoding, header Cache-Control "public, max-age=31536000, immutable"
        GET https://book.example.org/nowhere => 404 file /srv/www/book/current/404.html, header Strict-Transport-Security "max-age=31536000; includeSubDomains"
        GET https://book.example.org/.opsbook-publish => 403
        """, Map.of("files", files));
  }
}
