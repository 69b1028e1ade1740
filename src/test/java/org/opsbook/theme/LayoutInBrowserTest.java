package org.opsbook.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.maintenance.support.DevTools;
import org.opsbook.maintenance.support.Project;
import org.opsbook.maintenance.support.Tools;
import org.opsbook.site.Build;
import org.opsbook.site.BuildOptions;
import org.opsbook.site.BuildResult;

/**
 * The project's own site in headless Chromium on a phone (390×844) and a desktop (1280×900), light
 * and dark: no page may scroll sideways as a whole (wide tables and code scroll in their own box).
 * Screenshots go to target/theme-screenshots/ for a person to look at.
 */
@Tag("oracle")
class LayoutInBrowserTest {
  private record Viewport(String name, int width, int height, boolean mobile) {}

  private static final List<Viewport> VIEWPORTS =
      List.of(new Viewport("phone", 390, 844, true), new Viewport("desktop", 1280, 900, false));

  @TempDir Path dir;

  @Test
  void noPageOverflowsSidewaysOnAPhoneOrADesktopInLightOrDark() throws Exception {
    Optional<Path> chromium = Tools.find("chromium").or(() -> Tools.find("chromium-browser"));
    Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (.ci/install-tools installs it)");
    Path site = dir.resolve("site");
    BuildResult result = new Build(CheckerRegistry.load(), 2).run(BuildOptions.forProject(Project.root()).withOutput(site));
    Assumptions.assumeTrue(result.written(), "the project's content does not build: " + result.report().diagnostics());
    List<String> pages = new ArrayList<>(List.of("", "rules/", "rules/sshd.unknown-keyword/", "tags/", "archive/", "search/?q=sshd"));
    try (Stream<Path> articles = Files.list(site.resolve("articles"))) {
      articles.filter(Files::isDirectory).sorted().forEach(a -> pages.add("articles/" + a.getFileName() + "/"));
    }
    Path shots = Files.createDirectories(Project.root().resolve("target/theme-screenshots"));
    HttpServer server = serve(site);
    try (DevTools browser = DevTools.start(chromium.get(), Files.createDirectories(dir.resolve("profile")), dir.resolve("chromium.log"), true)) {
      browser.call("Page.enable", null);
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      List<String> overflowing = new ArrayList<>();
      for (String scheme : List.of("light", "dark")) {
        browser.call("Emulation.setEmulatedMedia", DevTools.params().set("features", DevTools.params().arrayNode()
            .add(DevTools.params().put("name", "prefers-color-scheme").put("value", scheme))));
        for (Viewport v : VIEWPORTS) {
          browser.call("Emulation.setDeviceMetricsOverride", DevTools.params().put("width", v.width())
              .put("height", v.height()).put("deviceScaleFactor", 1).put("mobile", v.mobile()));
          for (String page : pages) {
            browser.clearEvents();
            browser.call("Page.navigate", DevTools.params().put("url", base + page));
            browser.awaitEvent("Page.loadEventFired", 30_000);
            int scrollWidth = browser.evaluate("document.documentElement.scrollWidth").asInt();
            int viewport = browser.evaluate("document.documentElement.clientWidth").asInt();
            if (scrollWidth > viewport) {
              overflowing.add(v.name() + " " + scheme + " /" + page + ": " + scrollWidth + "px wide in " + viewport + "px"
                  + " (widest: " + browser.evaluate(WIDEST).asText() + ")");
            }
            if (page.equals("articles/hardening-sshd/") || page.equals("rules/") || page.isEmpty()) {
              screenshot(browser, shots.resolve(v.name() + "-" + scheme + "-" + (page.isEmpty() ? "home" : page.replace('/', '_')) + ".png"));
            }
          }
        }
      }
      assertEquals(List.of(), overflowing);
      // The dark palette applied: the page background is the theme's dark one, not the light one.
      assertEquals("rgb(20, 24, 27)", browser.evaluate("getComputedStyle(document.body).backgroundColor").asText());
      // The toggle overrides the system (dark here) and the choice survives a reload.
      browser.clearEvents();
      browser.call("Page.navigate", DevTools.params().put("url", base + "articles/hardening-sshd/"));
      browser.awaitEvent("Page.loadEventFired", 30_000);
      assertEquals("Theme: system", browser.evaluate("document.querySelector('.theme-toggle').textContent").asText());
      browser.evaluate("document.querySelector('.theme-toggle').click()");
      assertEquals("rgb(255, 255, 255)", browser.evaluate("getComputedStyle(document.body).backgroundColor").asText());
      browser.clearEvents();
      browser.call("Page.reload", DevTools.params());
      browser.awaitEvent("Page.loadEventFired", 30_000);
      assertEquals("light", browser.evaluate("document.documentElement.getAttribute('data-theme')").asText());
      assertEquals("rgb(255, 255, 255)", browser.evaluate("getComputedStyle(document.body).backgroundColor").asText());
      // Copy buttons show, and "/" focuses the header's search box.
      assertTrue(browser.evaluate("[...document.querySelectorAll('.copy-button')].every(b => !b.hidden)").asBoolean());
      browser.call("Input.dispatchKeyEvent", DevTools.params().put("type", "keyDown").put("key", "/").put("text", "/"));
      assertEquals("q", browser.evaluate("document.activeElement.name").asText());
    } finally {
      server.stop(0);
    }
  }

  /** The harness can fail: a page with a fixed 2000px-wide block is seen overflowing on a phone. */
  @Test
  void harnessSeesAPageWiderThanThePhone() throws Exception {
    Optional<Path> chromium = Tools.find("chromium").or(() -> Tools.find("chromium-browser"));
    Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (.ci/install-tools installs it)");
    Path site = Files.createDirectories(dir.resolve("wide"));
    Files.writeString(site.resolve("index.html"), "<!doctype html><meta name=viewport content=\"width=device-width\">"
        + "<link rel=stylesheet href=wide.css><div class=wide>x</div>");
    Files.writeString(site.resolve("wide.css"), ".wide { width: 2000px; }");
    HttpServer server = serve(site);
    try (DevTools browser = DevTools.start(chromium.get(), Files.createDirectories(dir.resolve("profile2")), dir.resolve("chromium2.log"), true)) {
      browser.call("Page.enable", null);
      browser.call("Emulation.setDeviceMetricsOverride", DevTools.params().put("width", 390).put("height", 844)
          .put("deviceScaleFactor", 1).put("mobile", true));
      browser.clearEvents();
      browser.call("Page.navigate", DevTools.params().put("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/"));
      browser.awaitEvent("Page.loadEventFired", 30_000);
      assertTrue(browser.evaluate("document.documentElement.scrollWidth").asInt()
          > browser.evaluate("document.documentElement.clientWidth").asInt());
    } finally {
      server.stop(0);
    }
  }

  // Names the element that sticks out furthest, so a failure says where to look.
  private static final String WIDEST = "(() => { let w = null, r = 0; for (const e of document.body.querySelectorAll('*')) {"
      + " const right = e.getBoundingClientRect().right; if (right > r + 0.5) { r = right; w = e; } }"
      + " return w ? w.tagName.toLowerCase() + (w.className ? '.' + String(w.className).split(' ').join('.') : '')"
      + " + ' ' + Math.round(r) + 'px' : 'none'; })()";

  /** A static file server on a free loopback port, as the published site would be served. */
  static HttpServer serve(Path root) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      Path file = root.resolve(Paths.get("", path.substring(1).split("/")).normalize().toString());
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      if (!file.normalize().startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      String name = file.getFileName().toString();
      String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css") ? "text/css"
          : name.endsWith(".js") ? "text/javascript" : name.endsWith(".json") ? "application/json"
          : name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream";
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  private static void screenshot(DevTools browser, Path file) throws Exception {
    JsonNode shot = browser.call("Page.captureScreenshot", DevTools.params().put("format", "png"));
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }
}
