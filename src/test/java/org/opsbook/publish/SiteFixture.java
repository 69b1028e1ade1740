package org.opsbook.publish;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A small built site on disk, as {@code opsbook build} leaves it, for publishing tests. */
final class SiteFixture {
  static final Instant T0 = Instant.parse("2026-03-14T09:00:00Z");

  private SiteFixture() {}

  /** A site whose home page says {@code version}; the stylesheet and image never change. */
  static Path write(Path site, String version) throws IOException {
    Files.createDirectories(site.resolve("articles/hsts"));
    Files.createDirectories(site.resolve("assets"));
    Files.writeString(site.resolve("index.html"), page("Home " + version), StandardCharsets.UTF_8);
    Files.writeString(site.resolve("articles/hsts/index.html"), page("HSTS"), StandardCharsets.UTF_8);
    Files.writeString(site.resolve("assets/site.3f2a9c.css"), "body { margin: 0 auto; max-width: 42rem; }\n".repeat(20));
    Files.write(site.resolve("assets/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0});
    marker(site, 0, 0, false);
    return site;
  }

  static void marker(Path site, int errors, int testsFailed, boolean drafts) throws IOException {
    Files.writeString(
        site.resolve(BuildMarker.FILE_NAME),
        BuildMarker.json(errors == 0 && testsFailed == 0, errors, 1, testsFailed, drafts));
  }

  static String page(String title) {
    return "<!doctype html>\n<html lang=\"en\"><head><title>" + title + "</title></head>\n<body><main>\n"
        + ("<p>" + title + " is served from the current release.</p>\n").repeat(12) + "</main></body></html>\n";
  }

  static Clock at(int secondsAfterT0) {
    return Clock.fixed(T0.plusSeconds(secondsAfterT0), ZoneOffset.UTC);
  }

  static Publisher publisher(ReleaseStore store, int secondsAfterT0, StringWriter log) {
    return new Publisher(store, at(secondsAfterT0), new PrintWriter(log, true));
  }
}
