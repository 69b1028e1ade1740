package org.opsbook.maintenance.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

class MaintenancePageParserTest {
  private static final String FILE = "content/maintenance/upgrade.md";

  private static MaintenancePageParser.Result parse(String text) {
    return MaintenancePageParser.parse("upgrade", FILE, text);
  }

  /** The one diagnostic of the result, asserting there is exactly one. */
  private static Diagnostic only(MaintenancePageParser.Result result) {
    assertEquals(1, result.diagnostics().size(), () -> result.diagnostics().toString());
    return result.diagnostics().get(0);
  }

  @Test
  void readsEveryFieldOfAFullPage() {
    MaintenancePageParser.Result result = parse("""
        ---
        title: "Down for an upgrade"
        message: Back soon.
        expected_end: 2026-11-23T22:00:00Z
        retry_after: 1800
        refresh: 60
        contact: mailto:ops@example.org
        status: https://status.example.org/
        status_label: Live status
        allow:
          - 192.0.2.10
          - 2001:db8::/32
        bypass_secret: 0123456789abcdef0123
        health_path: /health
        pass_paths: [/api/, /webhooks/]
        html_only: true
        upstream: app.internal:3000
        listen: 8080
        server_name: www.example.org
        install_dir: /srv/maintenance/
        flag_file: /srv/maintenance.on
        cookie_secure: false
        ---
        We are **moving** the database.
        """);
    assertTrue(result.diagnostics().isEmpty(), () -> result.diagnostics().toString());
    MaintenancePage page = result.page().orElseThrow();
    assertEquals("Down for an upgrade", page.title());
    assertEquals("Back soon.", page.message());
    assertEquals(OffsetDateTime.parse("2026-11-23T22:00:00Z"), page.expectedEnd().orElseThrow());
    assertEquals(1800, page.retryAfterSeconds());
    assertEquals(60, page.refreshSeconds());
    assertEquals(List.of("contact", "status"), page.links().stream().map(PageLink::role).toList());
    assertEquals("ops@example.org", page.links().get(0).label());
    assertEquals("Live status", page.links().get(1).label());
    assertEquals(List.of("192.0.2.10", "2001:db8::/32"), page.allow().stream().map(AllowEntry::cidr).toList());
    assertEquals("0123456789abcdef0123", page.bypassSecret().orElseThrow());
    assertEquals("We are **moving** the database.\n", page.bodyMarkdown());
    ServerSettings server = page.server();
    assertEquals("/health", server.healthPath());
    assertEquals(List.of("/api/", "/webhooks/"), server.passPaths());
    assertTrue(server.htmlOnly());
    assertFalse(server.cookieSecure());
    assertEquals("app.internal:3000", server.upstream());
    assertEquals(8080, server.listenPort());
    assertEquals("www.example.org", server.serverName());
    assertEquals("/srv/maintenance", server.installDir());
    assertEquals("/srv/maintenance.on", server.flagFile());
  }

  @Test
  void fillsDefaultsForAMinimalPage() {
    MaintenancePage page = parse("---\ntitle: Down\n---\n").page().orElseThrow();
    assertEquals(300, page.retryAfterSeconds());
    assertEquals(120, page.refreshSeconds());
    assertTrue(page.bypassSecret().isEmpty());
    assertEquals("/healthz", page.server().healthPath());
    assertEquals("/var/www/maintenance/upgrade", page.server().installDir());
    assertEquals("/var/www/maintenance/upgrade.on", page.server().flagFile());
  }

  @Test
  void reportsABadAddressAtItsOwnLine() {
    MaintenancePageParser.Result result = parse("---\ntitle: Down\nallow:\n  - 192.0.2.10\n  - 192.0.2.300\n---\n");
    Diagnostic d = only(result);
    assertEquals("maintenance.bad-address", d.rule().value());
    assertEquals(5, d.where().line());
    assertEquals(FILE, d.where().file());
    assertTrue(result.page().isEmpty());
  }

  @Test
  void warnsAboutHostBitsButKeepsThePage() {
    MaintenancePageParser.Result result = parse("---\ntitle: Down\nallow: [10.1.2.3/8]\n---\n");
    Diagnostic d = only(result);
    assertEquals("maintenance.address-host-bits", d.rule().value());
    assertEquals(Severity.WARNING, d.severity());
    assertEquals("10.0.0.0/8", result.page().orElseThrow().allow().get(0).cidr());
  }

  @Test
  void rejectsAnExpectedEndWithoutOffset() {
    Diagnostic d = only(parse("---\ntitle: Down\n\nexpected_end: 2026-11-23T22:00\n---\n"));
    assertEquals("maintenance.bad-value", d.rule().value());
    assertEquals(4, d.where().line());
    assertTrue(d.hintText().orElseThrow().contains("2026-11-23T22:00:00Z"));
  }

  @Test
  void reportsYamlSyntaxErrorsAtTheirLine() {
    Diagnostic d = only(parse("---\ntitle: Down\nmessage: [unclosed\nretry_after: 5\n---\n"));
    assertEquals("maintenance.front-matter", d.rule().value());
    assertTrue(d.where().line() >= 3, d::toString);
  }

  @Test
  void reportsMissingAndUnclosedFrontMatter() {
    assertEquals("the page has no front matter", only(parse("# Down\n")).message());
    assertEquals("the front matter is never closed", only(parse("---\ntitle: Down\n")).message());
  }

  @Test
  void requiresATitle() {
    Diagnostic d = only(parse("---\nmessage: hello\n---\n"));
    assertEquals("maintenance.missing-title", d.rule().value());
  }

  @Test
  void warnsAboutUnknownFieldsAtTheirLine() {
    Diagnostic d = only(parse("---\ntitle: Down\nretry-after: 60\n---\n"));
    assertEquals("maintenance.unknown-field", d.rule().value());
    assertEquals(3, d.where().line());
    assertEquals(Severity.WARNING, d.severity());
  }

  @Test
  void refusesAShortOrUnsafeBypassSecret() {
    assertEquals(4, only(parse("---\ntitle: Down\n\nbypass_secret: hunter2\n---\n")).where().line());
    assertTrue(only(parse("---\ntitle: Down\nbypass_secret: \"abc def ghi jkl mno pq\"\n---\n")).isError());
  }

  @Test
  void refusesValuesThatWouldBreakOutOfTheGeneratedConfig() {
    List<String> attempts = List.of(
        "flag_file: /tmp/x; return 200",
        "install_dir: relative/path",
        "health_path: /health\"; deny all",
        "server_name: \"a b\"",
        "upstream: 127.0.0.1:99999",
        "upstream: \"host;evil:80\"",
        "pass_paths: [\"/\"]",
        "contact: \"javascript:alert(1)\"",
        "status: /status");
    for (String attempt : attempts) {
      MaintenancePageParser.Result result = parse("---\ntitle: Down\n" + attempt + "\n---\n");
      assertTrue(result.hasErrors(), "accepted: " + attempt);
      assertEquals(3, result.diagnostics().get(0).where().line(), attempt);
    }
  }

  @Test
  void reportsWrongTypes() {
    Diagnostic d = only(parse("---\ntitle: Down\nretry_after: soon\n---\n"));
    assertTrue(d.message().contains("whole number"), d::message);
    d = only(parse("---\ntitle: Down\nhtml_only: yes please\n---\n"));
    assertTrue(d.message().contains("true or false"), d::message);
    d = only(parse("---\ntitle: [a, b]\n---\n"));
    assertTrue(d.message().contains("single value"), d::message);
  }

  @Test
  void reportsADuplicateField() {
    Diagnostic d = only(parse("---\ntitle: Down\ntitle: Up\n---\n"));
    assertEquals(3, d.where().line());
    assertTrue(d.message().contains("twice"));
  }
}
