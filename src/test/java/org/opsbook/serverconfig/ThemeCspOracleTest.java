package org.opsbook.serverconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.publish.BuildMarker;
import org.opsbook.publish.LocalReleaseStore;
import org.opsbook.publish.Publisher;
import org.opsbook.site.Build;
import org.opsbook.site.BuildOptions;
import org.opsbook.site.BuildResult;

/**
 * The project's own site, built with the default theme, published, served by nginx with the
 * generated vhost and loaded in headless Chromium: the browser must report no Content Security
 * Policy violation, while a page with inline script and style (the control) must be reported.
 */
@Tag("oracle")
class ThemeCspOracleTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir Path tmp;

  @Test
  void defaultThemeSatisfiesTheGeneratedContentSecurityPolicy() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(WebServerHarness.NGINX), "nginx is not installed");
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (Debian package chromium)");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path projectRoot = Path.of(System.getProperty("opsbook.root", ".")).toAbsolutePath();
    Path site = tmp.resolve("site");
    BuildResult result = new Build(CheckerRegistry.load(), 2).run(BuildOptions.forProject(projectRoot).withOutput(site));
    Assumptions.assumeTrue(result.written(), "the project's content does not build yet: " + result.report().diagnostics());
    // The control: inline script and an inline style attribute, both forbidden by the policy.
    Files.writeString(site.resolve("csp-control.html"), "<!doctype html><html><head><title>control</title></head><body>"
        + "<script>document.title = 'inline';</script><p style=\"color: red\">inline style</p></body></html>\n");
    if (!Files.exists(site.resolve(BuildMarker.FILE_NAME))) {
      Files.writeString(site.resolve(BuildMarker.FILE_NAME),
          "{\"generator\":\"opsbook\",\"passed\":true,\"errors\":0,\"warnings\":0,\"testsFailed\":0,\"drafts\":false}");
    }
    Path www = tmp.resolve("www");
    new Publisher(new LocalReleaseStore(www), Clock.systemUTC(), new PrintWriter(new StringWriter())).publish(site, 1, false);

    int port = WebServerHarness.freePort();
    VhostOptions o = VhostFixtures.with(VhostFixtures.plain(), www, "127.0.0.1:" + port, Optional.empty(), Optional.empty());
    Path conf = Files.createDirectories(tmp.resolve("nginx"));
    WebServerHarness.nginxWrapper(conf, new NginxVhost().render(o));
    WebServerHarness nginx = WebServerHarness.start(WebServerHarness.nginx(conf, "-g", "daemon off;"), conf, port);
    try {
      String base = "http://127.0.0.1:" + port;
      List<String> violations = cspMessages(base + "/csp-control.html");
      assertEquals(2, violations.size(), "Chromium reports the control page's inline script and style: " + violations);
      for (String page : pages(site)) {
        assertEquals(List.of(), cspMessages(base + page), "CSP violations on " + page);
      }
    } finally {
      nginx.close();
    }
  }

  /** The home page, the first article, the listing pages and a missing page. */
  private static List<String> pages(Path site) throws Exception {
    List<String> pages = new ArrayList<>(List.of("/", "/no-such-page/"));
    for (String listing : List.of("search", "archive", "tags")) {
      if (Files.isRegularFile(site.resolve(listing).resolve("index.html"))) {
        pages.add("/" + listing + "/");
      }
    }
    try (Stream<Path> articles = Files.list(site.resolve("articles"))) {
      articles.filter(Files::isDirectory).sorted().findFirst()
          .ifPresent(a -> pages.add("/articles/" + a.getFileName() + "/"));
    }
    assertTrue(pages.size() >= 3, pages.toString());
    return pages;
  }

  private List<String> cspMessages(String url) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "chromium-");
    WebServerHarness.Check run = WebServerHarness.run(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=3000", "--dump-dom", url));
    assertFalse(run.status() != 0 && !run.output().contains("</html>"), "chromium failed on " + url + ": " + run.output());
    return run.output().lines().filter(l -> l.contains("CONSOLE") && l.contains("Content Security Policy")).toList();
  }
}
