package org.opsbook.maintenance.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.checker.vcl.VclChecker;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.maintenance.page.AllowEntry;
import org.opsbook.maintenance.page.MaintenancePage;
import org.opsbook.maintenance.page.MaintenancePageParser;
import org.opsbook.maintenance.support.Fixtures;
import org.opsbook.maintenance.support.Project;

/**
 * What the generated varnish.vcl does, asked of opsbook's VCL request model: the public gets the
 * page as a 503 with Retry-After and no-store while the flag file exists; admin addresses, the
 * bypass cookie, the health path and the pass paths reach the application; the secret URL sets
 * the cookie; without the flag file Varnish's own rules apply. The flag file's presence is a fact
 * of each question (exists= or missing=), as std.file_exists learns it on each request.
 */
class VarnishConfigModelTest {
  private final VclChecker vcl = new VclChecker();

  private static MaintenancePage page(String name) throws IOException {
    return MaintenancePageParser.parse(name, "content/maintenance/" + name + ".md",
        Files.readString(Project.root().resolve("content/maintenance/" + name + ".md"))).page().orElseThrow();
  }

  private static String generated(MaintenancePage page) {
    MaintenanceResult result = Project.builder().build(page, List.of());
    assertFalse(result.hasErrors(), result.diagnostics()::toString);
    return result.text("varnish.vcl");
  }

  private List<String> ask(String vclText, String question) {
    QueryResult r = vcl.query(Snippet.ofFile("vcl", vclText, "varnish.vcl"), question, CheckContext.empty());
    assertFalse(r.hasErrors(), () -> question + ": " + r.diagnostics());
    return r.output().lines().takeWhile(l -> !l.isBlank()).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "minimal", "html-only"})
  void generatedVclHasNoFindingsAtAll(String variant) throws IOException {
    MaintenancePage p = MaintenancePageParser.parse(variant, "content/maintenance/" + variant + ".md",
        Fixtures.read("servers/" + variant + ".input")).page().orElseThrow();
    String text = generated(p);
    assertEquals(List.of(), vcl.check(Snippet.ofFile("vcl", text, "varnish.vcl"), CheckContext.empty()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"upgrade", "emergency"})
  void projectPagesHaveNoFindingsAtAll(String name) throws IOException {
    String text = generated(page(name));
    assertEquals(List.of(), vcl.check(Snippet.ofFile("vcl", text, "varnish.vcl"), CheckContext.empty()));
  }

  @Test
  void thePublicGetsThePageAs503WithRetryAfterAndNoStore() throws IOException {
    MaintenancePage p = page("upgrade");
    String text = generated(p);
    List<String> a = ask(text, "GET /orders/42 exists=" + p.server().flagFile() + " client=203.0.113.77\n"
        + "  Host: www.example.org");
    assertEquals("synth 503 \"Service Unavailable\"", a.get(0));
    assertTrue(a.contains("resp.http.Retry-After: " + p.retryAfterSeconds()), a::toString);
    assertTrue(a.contains("resp.http.Cache-Control: no-store"), a::toString);
    assertTrue(a.contains("resp.http.Content-Type: text/html; charset=utf-8"), a::toString);
    assertTrue(a.stream().anyMatch(l -> l.startsWith("resp.http.Content-Security-Policy: default-src 'none'")),
        a::toString);
  }

  @Test
  void allowedAddressesReachTheApplicationAndOthersDoNot() throws IOException {
    MaintenancePage p = page("upgrade");
    String text = generated(p);
    String flag = " exists=" + p.server().flagFile();
    for (AllowEntry e : p.allow()) {
      String inside = e.isIpv6() ? "[" + e.addressText().replaceAll("::$", "::9") + "]" : e.isHost()
          ? e.addressText() : e.addressText().replaceAll("\\.0$", ".9");
      List<String> a = ask(text, "GET /admin" + flag + " client=" + inside + "\n  Host: www.example.org");
      assertEquals("pass", a.get(0), () -> e + " " + a);
    }
    assertEquals("synth 503 \"Service Unavailable\"",
        ask(text, "GET /admin" + flag + " client=198.51.101.9\n  Host: www.example.org").get(0));
    assertEquals("synth 503 \"Service Unavailable\"",
        ask(text, "GET /admin" + flag + " client=[2001:db8:43::1]\n  Host: www.example.org").get(0));
  }

  @Test
  void theBypassCookieReachesTheApplicationAndALookalikeDoesNot() throws IOException {
    MaintenancePage p = page("upgrade");
    ServedPage served = new ServedPage(p, "", 0);
    String text = generated(p);
    String flag = " exists=" + p.server().flagFile();
    String cookie = ServedPage.COOKIE + "=" + served.cookieValue().orElseThrow();
    assertEquals("pass", ask(text, "GET /" + flag + "\n  Host: www.example.org\n  Cookie: lang=de; " + cookie).get(0));
    assertEquals("pass", ask(text, "GET /" + flag + "\n  Host: www.example.org\n  Cookie: " + cookie).get(0));
    assertEquals("synth 503 \"Service Unavailable\"",
        ask(text, "GET /" + flag + "\n  Host: www.example.org\n  Cookie: x" + cookie).get(0));
    assertEquals("synth 503 \"Service Unavailable\"",
        ask(text, "GET /" + flag + "\n  Host: www.example.org\n  Cookie: " + cookie + "0").get(0));
  }

  @Test
  void theSecretUrlSetsTheCookieAndRedirects() throws IOException {
    MaintenancePage p = page("upgrade");
    ServedPage served = new ServedPage(p, "", 0);
    String text = generated(p);
    List<String> a = ask(text, "GET " + served.bypassPath().orElseThrow() + " exists=" + p.server().flagFile()
        + "\n  Host: www.example.org");
    assertEquals("synth 302 \"Found\"", a.get(0));
    assertTrue(a.contains("resp.http.Location: /"), a::toString);
    assertTrue(a.contains("resp.http.Set-Cookie: " + served.setCookie().orElseThrow()), a::toString);
    assertTrue(a.contains("resp.http.Cache-Control: no-store"), a::toString);
  }

  @Test
  void theHealthPathAndPassPathsReachTheApplication() throws IOException {
    MaintenancePage p = page("upgrade");
    String text = generated(p);
    String flag = " exists=" + p.server().flagFile();
    String health = p.server().healthPath();
    assertEquals("pass", ask(text, "GET " + health + flag + "\n  Host: www.example.org").get(0));
    assertEquals("pass", ask(text, "GET " + health + "?verbose=1" + flag + "\n  Host: www.example.org").get(0));
    assertEquals("synth 503 \"Service Unavailable\"",
        ask(text, "GET " + health + "x" + flag + "\n  Host: www.example.org").get(0));
    for (String prefix : p.server().passPaths()) {
      assertEquals("pass", ask(text, "POST " + prefix + "payment" + flag + "\n  Host: www.example.org").get(0));
    }
  }

  @Test
  void withoutTheFlagFileVarnishsOwnRulesApply() throws IOException {
    MaintenancePage p = page("upgrade");
    String text = generated(p);
    String off = " missing=" + p.server().flagFile();
    List<String> get = ask(text, "GET /orders" + off + "\n  Host: www.example.org");
    assertEquals("hash", get.get(0), get::toString);
    assertEquals("pass", ask(text, "POST /orders" + off + "\n  Host: www.example.org").get(0));
  }

  @Test
  void withHtmlOnlyRequestsThatDoNotAcceptHtmlPass() throws IOException {
    MaintenancePage p = page("emergency");
    String text = generated(p);
    String flag = " exists=" + p.server().flagFile();
    assertEquals("pass", ask(text, "GET /status.json" + flag + "\n  Host: www.example.org\n  Accept: application/json")
        .get(0));
    assertEquals("synth 503 \"Service Unavailable\"",
        ask(text, "GET /" + flag + "\n  Host: www.example.org\n  Accept: text/html,application/xhtml+xml").get(0));
  }
}
