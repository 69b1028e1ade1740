package org.opsbook.maintenance.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.maintenance.MaintenanceBuilder;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.maintenance.support.Project;
import org.opsbook.maintenance.SiteMarkdown;
import org.opsbook.testing.ModelAnswers;

/**
 * The generated haproxy.cfg's request behaviour, asserted through opsbook's own HAProxy model:
 * who gets the 503 page with its headers, who passes through, and that the runtime map switches
 * it; and that the configs the build generates lint clean with the files they install.
 */
class HaproxyConfigModelTest {
  private static final String MAP = "/var/www/maintenance/full/haproxy-switch.map";
  private static final String PAGE = "/var/www/maintenance/full/index.html";
  private static final String APP = "backend opsbook_maintenance_full_app";

  private static String config(String page) throws IOException {
    return new HaproxyConfig().generate(ServerConfigGoldenTest.served(page));
  }

  private static Map<String, String> on(String page) {
    return Map.of("set-map", "/var/www/maintenance/" + page + "/haproxy-switch.map maintenance on");
  }

  @Test
  void theProjectsPagesBuildWithHaproxyConfigsThatLintClean() throws IOException {
    MaintenanceBuilder builder = new MaintenanceBuilder(Project.settings(), new SiteMarkdown(), CheckerRegistry.load());
    for (String name : MaintenanceBuilder.pageNames(Project.root().resolve("content"))) {
      MaintenanceResult result = builder.build(name);
      List<Diagnostic> haproxy = result.diagnostics().stream().filter(d -> d.rule().value().startsWith("haproxy.")).toList();
      assertEquals(List.of(), haproxy, name);
      assertTrue(result.text("haproxy.cfg").contains("http-request return status 503"), name);
    }
  }

  @Test
  void theGeneratedConfigsLintCleanWithTheirPageAndMap() throws IOException {
    for (String page : List.of("full", "minimal", "html-only")) {
      ServedPage served = ServerConfigGoldenTest.served(page);
      String pagePath = served.server().pageFile();
      String mapPath = HaproxyConfig.switchMap(served.server());
      IncludedFiles installed = IncludedFiles.ofSnippets(List.of(
          Snippet.of("html", "x".repeat(served.pageBytes()), pagePath, Map.of("file", pagePath)),
          Snippet.of("text", HaproxyConfig.SWITCH_OFF, mapPath, Map.of("file", mapPath))));
      List<Diagnostic> found = CheckerRegistry.load().forLanguage("haproxy").orElseThrow()
          .check(Snippet.ofFile("haproxy", config(page), page + "/haproxy.cfg"), CheckContext.empty().withFiles(installed));
      assertEquals(List.of(), found, page);
    }
  }

  @Test
  void aLargePageGetsABufferTheCheckerAcceptsAndTheDefaultBufferIsRefused() throws IOException {
    ServedPage large = new ServedPage(ServerConfigGoldenTest.served("full").page(), ServerConfigGoldenTest.POLICY, 20_000);
    IncludedFiles page = IncludedFiles.ofSnippets(List.of(
        Snippet.of("html", "x".repeat(20_000), PAGE, Map.of("file", PAGE)),
        Snippet.of("text", HaproxyConfig.SWITCH_OFF, MAP, Map.of("file", MAP))));
    var checker = CheckerRegistry.load().forLanguage("haproxy").orElseThrow();
    String raised = new HaproxyConfig().generate(large);
    assertEquals(List.of(), checker.check(Snippet.ofFile("haproxy", raised, "haproxy.cfg"),
        CheckContext.empty().withFiles(page)));
    String defaultBuffer = raised.replaceAll("(?m)^global\\n    tune.bufsize \\d+\\n", "");
    assertTrue(checker.check(Snippet.ofFile("haproxy", defaultBuffer, "haproxy.cfg"), CheckContext.empty().withFiles(page))
        .stream().anyMatch(d -> d.rule().value().equals("haproxy.file") && d.isError()));
  }

  @Test
  void whileTheMapSaysOnAnOrdinaryRequestGetsThePageWithItsHeaders() throws IOException {
    ModelAnswers.assertAll("haproxy", config("full"), """
        GET http://www.example.org/shop/cart from 203.0.113.5
        => return 503, file %s, header Retry-After "1800", header Cache-Control "no-store",
           header Content-Type "text/html; charset=utf-8", header Content-Security-Policy "%s",
           acl opsbook_maintenance_full_on, no acl opsbook_maintenance_full_admin
        POST http://www.example.org/api/orders => return 503, header Retry-After "1800"
        """.formatted(PAGE, ServerConfigGoldenTest.POLICY), on("full"));
  }

  @Test
  void whileTheMapSaysOffEveryRequestReachesTheApplication() throws IOException {
    ModelAnswers.assertAll("haproxy", config("full"), """
        GET http://www.example.org/shop/cart?item=3 from 203.0.113.5 => %1$s, no acl opsbook_maintenance_full_on
        GET http://www.example.org/ set map %2$s maintenance off => %1$s
        GET http://www.example.org/ set map %2$s maintenance on => return 503
        """.formatted(APP, MAP), Map.of("set-map", MAP + " maintenance off"));
  }

  @Test
  void allowedAddressesCookieHealthAndPassPathsGoThrough() throws IOException {
    String cookie = ServerConfigGoldenTest.served("full").cookieValue().orElseThrow();
    ModelAnswers.assertAll("haproxy", config("full"), """
        GET http://www.example.org/admin from 192.0.2.10 => %2$s, acl opsbook_maintenance_full_admin
        GET http://www.example.org/admin from 198.51.100.77 => %2$s
        GET http://www.example.org/admin from 2001:db8:42::5 => %2$s
        GET http://www.example.org/admin from 198.51.101.1 => return 503
        GET http://www.example.org/a cookie opsbook_maintenance_bypass=%1$s => %2$s
        GET http://www.example.org/a
          Cookie: theme=dark; opsbook_maintenance_bypass=%1$s; lang=en
        => %2$s, acl opsbook_maintenance_full_cookie
        GET http://www.example.org/a cookie opsbook_maintenance_bypass=0000 => return 503
        GET http://www.example.org/healthz => %2$s, acl opsbook_maintenance_full_pass
        GET http://www.example.org/healthz/deep => return 503
        GET http://www.example.org/api/webhooks/stripe?id=1 => %2$s
        GET http://www.example.org/.well-known/acme-challenge/t0k3n => %2$s
        """.formatted(cookie, APP), on("full"));
  }

  @Test
  void theSecretUrlSetsTheCookieAndSendsTheAdminHome() throws IOException {
    ServedPage served = ServerConfigGoldenTest.served("full");
    ModelAnswers.assertAll("haproxy", config("full"), """
        GET http://www.example.org%s
        => return 302, header Location "/", header Set-Cookie "%s", header Cache-Control "no-store"
        """.formatted(served.bypassPath().orElseThrow(), served.setCookie().orElseThrow()), on("full"));
  }

  @Test
  void htmlOnlyLetsRequestsThatDoNotAcceptHtmlThrough() throws IOException {
    ModelAnswers.assertAll("haproxy", config("html-only"), """
        GET http://localhost:8081/
          Accept: text/html,application/xhtml+xml
        => return 503, file /var/www/maintenance/html-only/index.html, header Retry-After "300"
        GET http://localhost:8081/items
          Accept: application/json
        => backend opsbook_maintenance_html_only_app
        GET http://localhost:8081/items
          Accept: TEXT/HTML
        => return 503
        """, on("html-only"));
  }

  @Test
  void withoutTheMapOrASetMapTheModelSaysItCannotTell() throws IOException {
    var checker = CheckerRegistry.load().forLanguage("haproxy").orElseThrow();
    var result = checker.query(Snippet.ofFile("haproxy", config("minimal"), "haproxy.cfg"), "GET http://www.example.org/",
        CheckContext.empty());
    assertTrue(result.toString().contains("haproxy-switch.map is not among the files"), result.toString());
  }
}
