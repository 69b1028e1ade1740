package org.opsbook.serverconfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.opsbook.publish.LocalReleaseStore;
import org.opsbook.publish.Publisher;

/** A small site published with the real Publisher, and the checks every server must pass on it. */
final class LoopbackSite {
  static final String CSS = "body { margin: 0 auto; max-width: 42rem; font: 1rem/1.5 system-ui; }\n".repeat(30);
  private final Path dir;
  private int publishes;

  LoopbackSite(Path dir) throws IOException {
    this.dir = dir;
    // Apache's children run as nobody when the test runs as root: they must be able to read the site.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  Path publishRoot() {
    return dir.resolve("www");
  }

  void publish(String home) throws Exception {
    Path site = dir.resolve("site");
    Files.createDirectories(site.resolve("articles/hsts"));
    Files.createDirectories(site.resolve("assets"));
    Files.writeString(site.resolve("index.html"), page(home));
    Files.writeString(site.resolve("articles/hsts/index.html"), page("Rolling out HSTS"));
    Files.writeString(site.resolve("404.html"), page("Page not found"));
    Files.writeString(site.resolve("assets/site.3f2a9c1e.css"), CSS);
    Files.writeString(site.resolve(".secret"), "not for the web\n");
    Files.writeString(site.resolve(".opsbook-build.json"),
        "{\"generator\":\"opsbook\",\"passed\":true,\"errors\":0,\"warnings\":0,\"testsFailed\":0,\"drafts\":false}");
    Clock clock = Clock.fixed(Instant.parse("2026-03-14T09:00:00Z").plusSeconds(publishes++), ZoneOffset.UTC);
    new Publisher(new LocalReleaseStore(publishRoot()), clock, new PrintWriter(new StringWriter())).publish(site, 3, false);
  }

  static String page(String title) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
        + "</title><link rel=\"stylesheet\" href=\"/assets/site.3f2a9c1e.css\"></head>\n<body><main><h1>" + title
        + "</h1>\n" + "<p>Served from the current release.</p>\n".repeat(10) + "</main></body></html>\n";
  }

  /** The pages, headers, compression and 404 the generated vhost promises. */
  static void assertServes(HttpProbe http, String base, Optional<String> hsts, int dotFileStatus) throws Exception {
    HttpResponse<byte[]> home = http.get(base + "/");
    assertEquals(200, home.statusCode(), base + "/");
    assertTrue(body(home).contains("<h1>Home v1</h1>"), body(home));
    assertTrue(header(home, "Content-Type").startsWith("text/html"), header(home, "Content-Type"));
    assertEquals("public, max-age=300, must-revalidate", header(home, "Cache-Control"));
    assertSecurityHeaders(home, hsts);

    HttpResponse<byte[]> article = http.get(base + "/articles/hsts/");
    assertEquals(200, article.statusCode());
    assertTrue(body(article).contains("<h1>Rolling out HSTS</h1>"));

    HttpResponse<byte[]> css = http.get(base + "/assets/site.3f2a9c1e.css", "Accept-Encoding", "gzip");
    assertEquals(200, css.statusCode());
    assertEquals("gzip", header(css, "Content-Encoding"), "the precompressed sibling is served");
    assertTrue(header(css, "Content-Type").startsWith("text/css"), header(css, "Content-Type"));
    assertEquals("public, max-age=31536000, immutable", header(css, "Cache-Control"));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(css.body()))) {
      assertArrayEquals(CSS.getBytes(StandardCharsets.UTF_8), in.readAllBytes());
    }
    HttpResponse<byte[]> plainCss = http.get(base + "/assets/site.3f2a9c1e.css");
    assertEquals(CSS, body(plainCss), "clients without gzip get the plain file");

    HttpResponse<byte[]> missing = http.get(base + "/no/such/page/");
    assertEquals(404, missing.statusCode());
    assertTrue(body(missing).contains("<h1>Page not found</h1>"), "the site's own 404 page: " + body(missing));
    assertSecurityHeaders(missing, hsts);

    assertEquals(dotFileStatus, http.get(base + "/.secret").statusCode(), "dot files are not served");
  }

  static void assertSecurityHeaders(HttpResponse<byte[]> r, Optional<String> hsts) {
    assertEquals(SitePolicy.CONTENT_SECURITY_POLICY, header(r, "Content-Security-Policy"));
    assertEquals("nosniff", header(r, "X-Content-Type-Options"));
    assertEquals("strict-origin-when-cross-origin", header(r, "Referrer-Policy"));
    assertEquals(hsts, r.headers().firstValue("Strict-Transport-Security"));
  }

  static String body(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static String header(HttpResponse<byte[]> r, String name) {
    return r.headers().firstValue(name).orElse("(missing " + name + ")");
  }
}
