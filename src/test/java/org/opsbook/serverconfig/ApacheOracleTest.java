package org.opsbook.serverconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Apache vhost, checked by the real httpd: {@code apache2 -t} (what {@code
 * apache2ctl -t} runs, without Debian's envvars), then served on loopback.
 */
@Tag("oracle")
class ApacheOracleTest {
  @TempDir Path tmp;

  @BeforeEach
  void needApache() {
    Assumptions.assumeTrue(Files.isExecutable(WebServerHarness.APACHE), "apache2 is not installed (Debian package apache2)");
  }

  @Test
  void apacheAcceptsThePlainVhost() throws Exception {
    WebServerHarness.apacheWrapper(tmp, new ApacheVhost().render(VhostFixtures.plain()), "127.0.0.1:8080", false);
    WebServerHarness.Check t = WebServerHarness.run(WebServerHarness.apache(tmp, "-t"));
    assertEquals(0, t.status(), t.output());
    assertTrue(t.output().contains("Syntax OK"), t.output());
  }

  @Test
  void apacheAcceptsTheTlsVhostWithARealCertificate() throws Exception {
    Assumptions.assumeTrue(WebServerHarness.selfSignedCertificate(tmp).status() == 0, "openssl cannot make a certificate");
    VhostOptions o = VhostFixtures.with(VhostFixtures.tls(), tmp.resolve("www"), "127.0.0.1:8443",
        Optional.of(tmp.resolve("cert.pem")), Optional.of(tmp.resolve("key.pem")));
    WebServerHarness.apacheWrapper(tmp, new ApacheVhost().render(o), "127.0.0.1:8443", true);
    WebServerHarness.Check t = WebServerHarness.run(WebServerHarness.apache(tmp, "-t"));
    assertEquals(0, t.status(), t.output());
    assertTrue(t.output().contains("Syntax OK"), t.output());
  }

  @Test
  void servesThePublishedSiteWithTheHeadersItPromises() throws Exception {
    LoopbackSite site = new LoopbackSite(tmp);
    site.publish("Home v1");
    int port = WebServerHarness.freePort();
    String listen = "127.0.0.1:" + port;
    VhostOptions o = VhostFixtures.with(VhostFixtures.plain(), site.publishRoot(), listen, Optional.empty(), Optional.empty());
    WebServerHarness.apacheWrapper(tmp, new ApacheVhost().render(o), listen, false);
    WebServerHarness httpd = WebServerHarness.start(WebServerHarness.apache(tmp, "-DFOREGROUND"), tmp, port);
    try {
      HttpProbe http = new HttpProbe(null);
      LoopbackSite.assertServes(http, "http://" + listen, Optional.empty(), 403);
      site.publish("Home v2");
      assertTrue(LoopbackSite.body(http.get("http://" + listen + "/")).contains("<h1>Home v2</h1>"));
    } finally {
      httpd.close();
    }
  }

  @Test
  void servesOverTlsWithHsts() throws Exception {
    Assumptions.assumeTrue(WebServerHarness.selfSignedCertificate(tmp).status() == 0, "openssl cannot make a certificate");
    LoopbackSite site = new LoopbackSite(tmp);
    site.publish("Home v1");
    int port = WebServerHarness.freePort();
    String listen = "127.0.0.1:" + port;
    VhostOptions o = VhostFixtures.with(VhostFixtures.tls(), site.publishRoot(), listen,
        Optional.of(tmp.resolve("cert.pem")), Optional.of(tmp.resolve("key.pem")));
    WebServerHarness.apacheWrapper(tmp, new ApacheVhost().render(o), listen, true);
    WebServerHarness httpd = WebServerHarness.start(WebServerHarness.apache(tmp, "-DFOREGROUND"), tmp, port);
    try {
      LoopbackSite.assertServes(new HttpProbe(tmp.resolve("cert.pem")), "https://" + listen,
          Optional.of("max-age=31536000; includeSubDomains"), 403);
    } finally {
      httpd.close();
    }
  }
}
