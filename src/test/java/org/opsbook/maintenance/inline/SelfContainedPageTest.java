package org.opsbook.maintenance.inline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.diag.Diagnostic;

class SelfContainedPageTest {
  private static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
  private static final byte[] FONT = {0x77, 0x4f, 0x46, 0x32, 0, 1, 0, 0};

  @TempDir Path root;
  private Path statics;
  private SelfContainedPage inliner;

  @BeforeEach
  void theme() throws IOException {
    statics = root.resolve("themes/t/static");
    Files.createDirectories(statics.resolve("css/fonts"));
    Files.createDirectories(statics.resolve("img"));
    Files.write(statics.resolve("img/logo.png"), PNG);
    Files.write(statics.resolve("css/fonts/body.woff2"), FONT);
    Files.writeString(statics.resolve("css/base.css"), "body{color:#123456}\n");
    Files.writeString(statics.resolve("css/site.css"), """
        @import "base.css";
        @import url(print.css) print;
        /* url(commented-out.png) is not a reference */
        @font-face { font-family: Body; src: url("fonts/body.woff2?v=3#x") format("woff2"); }
        .hero { background: url(../img/logo.png) no-repeat; }
        """);
    Files.writeString(statics.resolve("css/print.css"), "a{color:black}");
    Files.writeString(statics.resolve("app.js"), "document.title = 'x';\n");
    inliner = new SelfContainedPage(List.of(statics), file -> root.relativize(file).toString());
  }

  private SelfContainedPage.Result build(String body) {
    String html = "<!DOCTYPE html><html><head><meta charset=utf-8><title>t</title>"
        + "<link rel=stylesheet href=css/site.css><link rel=icon href=/img/logo.png>"
        + "<link rel=preload href=css/fonts/body.woff2 as=font></head><body>" + body
        + "<script src=app.js></script></body></html>";
    return inliner.build(html, "themes/t/templates/maintenance.peb", Set.of("https://status.example.org/"));
  }

  private static String text(SelfContainedPage.Result result) {
    return new String(result.bytes().orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void inlinesStylesheetsImportsFontsImagesIconsAndScripts() {
    SelfContainedPage.Result result = build("<img src=img/logo.png alt=logo>");
    assertTrue(result.diagnostics().isEmpty(), () -> result.diagnostics().toString());
    Document page = Jsoup.parse(text(result));
    assertTrue(page.select("link[rel=stylesheet], link[rel=preload], script[src]").isEmpty());
    String css = page.select("style").html();
    assertTrue(css.contains("body{color:#123456}"), "imported base.css");
    assertTrue(css.contains("@media print{a{color:black}}"), "imported print.css under its media query");
    assertTrue(css.contains("url(\"data:font/woff2;base64," + Base64.getEncoder().encodeToString(FONT) + "\")"));
    assertTrue(css.contains("url(\"data:image/png;base64,"));
    assertFalse(css.contains("commented-out"));
    assertTrue(page.selectFirst("img").attr("src").startsWith("data:image/png;base64,"));
    assertTrue(page.selectFirst("link[rel=icon]").attr("href").startsWith("data:image/png;base64,"));
    assertEquals("document.title = 'x';\n", page.selectFirst("script").data());
    assertTrue(ReferenceVerifier.verify(page, Set.of()).isEmpty());
  }

  @Test
  void policyHashesExactlyTheInlineStyleAndScript() {
    SelfContainedPage.Result result = build("");
    Document page = Jsoup.parse(text(result));
    String style = page.selectFirst("style").data();
    String script = page.selectFirst("script").data();
    assertEquals(List.of(ContentSecurityPolicy.hash(style)), result.policy().styleHashes());
    assertEquals(List.of(ContentSecurityPolicy.hash(script)), result.policy().scriptHashes());
    String meta = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertEquals(result.policy().forMeta(), meta);
    assertTrue(meta.startsWith("default-src 'none'; style-src 'sha256-"));
    assertTrue(meta.contains("img-src data:;"));
    assertTrue(result.policy().forHeader().endsWith("frame-ancestors 'none'"));
    // Known vector from the CSP 3 spec examples: sha256 of "alert('Hello, world.');".
    assertEquals("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='", ContentSecurityPolicy.hash("alert('Hello, world.');"));
  }

  @Test
  void keepsTheCharsetDeclarationFirst() {
    Document page = Jsoup.parse(text(build("")));
    assertEquals("charset", page.head().child(0).attributes().asList().get(0).getKey());
  }

  @Test
  void failsForARemoteStylesheetWithoutFetchingIt() {
    SelfContainedPage.Result result = inliner.build(
        "<html><head><link rel=stylesheet href=https://cdn.example.com/x.css></head><body></body></html>", "t.peb", Set.of());
    assertTrue(result.bytes().isEmpty());
    Diagnostic d = result.diagnostics().get(0);
    assertEquals("maintenance.not-inlinable", d.rule().value());
    assertTrue(d.message().contains("another host"), d::message);
  }

  @Test
  void failsForAMissingImageAtTheStylesheetLine() throws IOException {
    Files.writeString(statics.resolve("css/site.css"), "a{}\n\n.x{background:url(missing.png)}\n");
    SelfContainedPage.Result result = build("");
    assertTrue(result.bytes().isEmpty());
    Diagnostic d = result.diagnostics().get(0);
    assertEquals("themes/t/static/css/site.css", d.where().file());
    assertEquals(3, d.where().line());
  }

  @Test
  void refusesReferencesThatEscapeTheStaticFolder() throws IOException {
    Files.writeString(root.resolve("themes/t/secret.png"), "x");
    SelfContainedPage.Result result = build("<img src=../secret.png alt=x>");
    assertTrue(result.bytes().isEmpty());
  }

  @Test
  void rejectsLinksAndMediaThatLeaveThePage() {
    for (String body : List.of("<a href=/other/>x</a>", "<a href=//evil.example/>x</a>", "<video poster=p.png></video>",
        "<img srcset=\"a.png 2x\" src=img/logo.png alt=x>", "<iframe src=https://example.org/></iframe>",
        "<form action=/login></form>", "<svg><use href=sprite.svg#a /></svg>", "<a href=https://other.example.org/>x</a>")) {
      SelfContainedPage.Result result = build(body);
      assertTrue(result.bytes().isEmpty(), "accepted: " + body);
      assertTrue(result.diagnostics().stream().anyMatch(d -> d.rule().value().equals("maintenance.external-reference")), body);
    }
  }

  @Test
  void allowsAnchorsMailtoAndTheDeclaredStatusPage() {
    SelfContainedPage.Result result = build(
        "<a href=#main>skip</a><a href=mailto:ops@example.org>mail</a><a href=https://status.example.org/>status</a>");
    assertTrue(result.diagnostics().isEmpty(), () -> result.diagnostics().toString());
  }

  @Test
  void reportsInlineHandlersThePolicyWouldBlock() {
    SelfContainedPage.Result result = build("<button onclick=\"go()\">x</button>");
    assertTrue(result.bytes().isEmpty());
    assertEquals("maintenance.csp-blocked", result.diagnostics().get(0).rule().value());
  }

  @Test
  void verifierFindsCssReferencesInStyleElementsAndAttributes() {
    Document page = Jsoup.parse("<style>@import 'x.css'; a{background:url(y.png)}</style><p style=\"background:url(//z)\">");
    List<ReferenceVerifier.Offence> offences = ReferenceVerifier.verify(page, Set.of());
    assertEquals(3, offences.size(), offences::toString);
  }

  @Test
  void verifierAcceptsAPlainRefreshButNotARedirect() {
    assertTrue(ReferenceVerifier.verify(Jsoup.parse("<meta http-equiv=refresh content=120>"), Set.of()).isEmpty());
    assertEquals(1, ReferenceVerifier.verify(
        Jsoup.parse("<meta http-equiv=refresh content=\"0; url=https://example.org/\">"), Set.of()).size());
  }
}
