package org.opsbook.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.maintenance.support.DevTools;
import org.opsbook.maintenance.support.Project;
import org.opsbook.maintenance.support.Tools;

/**
 * Opens the built page in headless Chromium with no network and checks it rendered as designed:
 * the theme's stylesheet applied under the page's own Content-Security-Policy, the logo decoded,
 * the script ran, and not one request left the file. Screenshots (light and dark) are kept in
 * target/maintenance-screenshots/ for a person to look at.
 */
@Tag("oracle")
class PageInBrowserTest {
  @TempDir Path dir;

  @Test
  void rendersThemedWithZeroNetworkRequests() throws Exception {
    Optional<Path> chromium = Tools.find("chromium").or(() -> Tools.find("chromium-browser"));
    Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (.ci/install-tools installs it)");
    // No reference instant: the page states the time and only the script can turn it into words.
    MaintenanceSettings settings = MaintenanceSettings.forTheme(Project.root(), Project.root().resolve("themes/default"),
        "Example Shop", "en", Optional.empty());
    MaintenanceResult result = new MaintenanceBuilder(settings, new SiteMarkdown()).buildTo("upgrade", dir.resolve("page"));
    assertFalse(result.hasErrors(), result.diagnostics()::toString);
    Path page = dir.resolve("page/index.html");
    assertTrue(Files.readString(page).contains(">expected back by "), "built without a reference instant");

    Path profile = Files.createDirectories(dir.resolve("profile"));
    try (DevTools browser = DevTools.start(chromium.get(), profile, dir.resolve("chromium.log"))) {
      browser.call("Network.enable", null);
      browser.call("Log.enable", null);
      browser.call("Runtime.enable", null);
      browser.call("Page.enable", null);
      browser.clearEvents();
      browser.call("Page.navigate", DevTools.params().put("url", page.toUri().toString()));
      browser.awaitEvent("Page.loadEventFired", 30_000);
      Thread.sleep(300);

      assertEquals("rgb(194, 65, 12)", browser.evaluate(
          "getComputedStyle(document.querySelector('main.maintenance')).borderTopColor").asText(),
          "the theme's accent colour on the card: the inlined stylesheet applied");
      assertEquals("flex", browser.evaluate("getComputedStyle(document.body).display").asText());
      assertTrue(browser.evaluate("document.querySelector('img.maintenance-logo').complete").asBoolean());
      assertTrue(browser.evaluate("document.querySelector('img.maintenance-logo').naturalWidth").asInt() > 0, "logo decoded");
      String words = browser.evaluate("document.getElementById('expected-end-words').textContent").asText();
      assertTrue(words.startsWith("back in about ") || words.equals("should be back any moment now"),
          "the script re-rendered the expected end from the reader's clock: " + words);

      List<String> requests = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (JsonNode event : browser.events()) {
        String method = event.path("method").asText();
        if (method.equals("Network.requestWillBeSent")) {
          requests.add(event.path("params").path("request").path("url").asText());
        } else if (method.equals("Network.loadingFailed")) {
          problems.add("failed request: " + event.path("params"));
        } else if (method.equals("Log.entryAdded") && !event.path("params").path("entry").path("level").asText().equals("verbose")) {
          problems.add("console: " + event.path("params").path("entry"));
        } else if (method.equals("Runtime.exceptionThrown")) {
          problems.add("script error: " + event.path("params"));
        } else if (method.equals("Runtime.consoleAPICalled")) {
          problems.add("console: " + event.path("params"));
        }
      }
      assertTrue(problems.isEmpty(), problems::toString);
      for (String url : requests) {
        assertTrue(url.startsWith("file:") || url.startsWith("data:"), "network request: " + url);
      }
      assertEquals(1, requests.stream().filter(url -> url.startsWith("file:")).count(), requests::toString);

      Path shots = Project.root().resolve("target/maintenance-screenshots");
      Files.createDirectories(shots);
      screenshot(browser, shots.resolve("upgrade-light.png"));
      browser.call("Emulation.setEmulatedMedia", DevTools.params().set("features",
          DevTools.params().arrayNode().add(DevTools.params().put("name", "prefers-color-scheme").put("value", "dark"))));
      assertEquals("rgb(251, 146, 60)", browser.evaluate(
          "getComputedStyle(document.querySelector('main.maintenance')).borderTopColor").asText(), "dark-mode accent");
      screenshot(browser, shots.resolve("upgrade-dark.png"));
    }
  }

  /**
   * The page's script and {@link org.opsbook.maintenance.page.ExpectedEndWords} must say the same
   * thing for the same clock: the reader's clock is pinned with a script DevTools runs before the
   * page's own, and the words are compared with the Java rendering for that instant.
   */
  @Test
  void scriptAndBuildSayTheSameWordsForTheSameClock() throws Exception {
    Optional<Path> chromium = Tools.find("chromium").or(() -> Tools.find("chromium-browser"));
    Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (.ci/install-tools installs it)");
    MaintenanceResult result = Project.builder().buildTo("upgrade", dir.resolve("page"));
    assertFalse(result.hasErrors(), result.diagnostics()::toString);
    Path page = dir.resolve("page/index.html");
    java.time.OffsetDateTime end = java.time.OffsetDateTime.parse("2026-11-24T02:00:00Z");
    long[] minutesBefore = {-90, 0, 1, 3, 8, 22, 57, 61, 89, 91, 150, 360, 1500, 2870, 2890, 5760};
    Path profile = Files.createDirectories(dir.resolve("profile3"));
    try (DevTools browser = DevTools.start(chromium.get(), profile, dir.resolve("chromium3.log"))) {
      browser.call("Page.enable", null);
      String pinned = null;
      for (long minutes : minutesBefore) {
        java.time.Instant now = end.toInstant().minusSeconds(minutes * 60);
        if (pinned != null) {
          browser.call("Page.removeScriptToEvaluateOnNewDocument", DevTools.params().put("identifier", pinned));
        }
        pinned = browser.call("Page.addScriptToEvaluateOnNewDocument", DevTools.params()
            .put("source", "Date.now = function () { return " + now.toEpochMilli() + "; };")).path("identifier").asText();
        browser.clearEvents();
        browser.call("Page.navigate", DevTools.params().put("url", page.toUri().toString()));
        browser.awaitEvent("Page.loadEventFired", 30_000);
        assertEquals(org.opsbook.maintenance.page.ExpectedEndWords.relative(end, now),
            browser.evaluate("document.getElementById('expected-end-words').textContent").asText(),
            minutes + " minutes before the expected end");
      }
    }
  }

  /** The harness can fail: a page that loads a remote image is seen making a request, which fails. */
  @Test
  void harnessSeesARequestThatLeavesTheFile() throws Exception {
    Optional<Path> chromium = Tools.find("chromium").or(() -> Tools.find("chromium-browser"));
    Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (.ci/install-tools installs it)");
    Path page = dir.resolve("leaky.html");
    Files.writeString(page, "<!doctype html><title>leaky</title><img src=\"http://cdn.example.com/logo.png\" alt=x>");
    Path profile = Files.createDirectories(dir.resolve("profile2"));
    try (DevTools browser = DevTools.start(chromium.get(), profile, dir.resolve("chromium2.log"))) {
      browser.call("Network.enable", null);
      browser.call("Page.enable", null);
      browser.clearEvents();
      browser.call("Page.navigate", DevTools.params().put("url", page.toUri().toString()));
      browser.awaitEvent("Page.loadEventFired", 30_000);
      assertTrue(browser.events().stream().anyMatch(e -> e.path("method").asText().equals("Network.loadingFailed")
          && browser.events().stream().anyMatch(r -> r.path("params").path("request").path("url").asText()
              .equals("http://cdn.example.com/logo.png"))), "the remote image was requested and failed");
      assertEquals(0, browser.evaluate("document.querySelector('img').naturalWidth").asInt());
    }
  }

  private static void screenshot(DevTools browser, Path file) throws Exception {
    JsonNode shot = browser.call("Page.captureScreenshot", DevTools.params().put("format", "png"));
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }
}
