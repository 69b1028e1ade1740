package org.opsbook.serverconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VhostTemplateTest {

  @ParameterizedTest
  @CsvSource({"nginx,tls", "nginx,plain", "apache,tls", "apache,plain"})
  void outputMatchesGoldenFile(String server, String flavour) throws IOException {
    VhostOptions o = flavour.equals("tls") ? VhostFixtures.tls() : VhostFixtures.plain();
    String actual = VhostTemplates.byName(server).orElseThrow().render(o);
    Path file = Path.of(System.getProperty("opsbook.root", "."), "src/test/resources/org/opsbook/serverconfig",
        server + "-" + flavour + ".conf.expected");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual);
  }

  @Test
  void hstsIsSentOnlyWithTls() {
    String tls = new NginxVhost().render(VhostFixtures.tls());
    assertTrue(tls.contains("add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;"));
    assertFalse(new NginxVhost().render(VhostFixtures.plain()).contains("add_header Strict-Transport-Security"));
    assertFalse(new ApacheVhost().render(VhostFixtures.plain()).contains("Header always set Strict-Transport-Security"));
  }

  @Test
  void nginxSetsNoHeaderInsideALocation() {
    // add_header in a location would silently drop the server-level security headers there.
    String conf = new NginxVhost().render(VhostFixtures.tls());
    String server = conf.substring(conf.lastIndexOf("server {"));
    for (String location : server.split("location ")) {
      if (location.startsWith("/") || location.startsWith("~")) {
        assertFalse(location.substring(0, location.indexOf('}')).contains("add_header"), location);
      }
    }
  }

  @Test
  void hashedAssetPatternMatchesContentHashedNamesOnly() {
    Pattern hashed = Pattern.compile(SitePolicy.HASHED_ASSET_REGEX);
    assertTrue(hashed.matcher("/assets/site.3f2a9c1e.css").find());
    assertTrue(hashed.matcher("/assets/search.0123abcdef.js").find());
    assertFalse(hashed.matcher("/assets/site.css").find());
    assertFalse(hashed.matcher("/articles/hsts/index.html").find());
    assertFalse(hashed.matcher("/assets/jquery.min.js").find());
  }
}
