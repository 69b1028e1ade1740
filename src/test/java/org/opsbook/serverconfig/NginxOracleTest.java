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

/** The generated nginx vhost, checked by the real nginx: {@code nginx -t}, then served on loopback. */
@Tag("oracle")
class NginxOracleTest {
  @TempDir Path tmp;

  @BeforeEach
  void needNginx() {
    Assumptions.assumeTrue(Files.isExecutable(WebServerHarness.NGINX), "nginx is not installed (Debian package nginx)");
  }

  @Test
  void nginxAcceptsTheTlsAndPlainVhosts() throws Exception {
    for (VhostOptions o : new VhostOptions[] {VhostFixtures.tls(), VhostFixtures.plain()}) {
      Path dir = Files.createDirectories(tmp.resolve(o.tls() ? "tls" : "plain"));
      WebServerHarness.nginxWrapper(dir, new NginxVhost().render(o));
      WebServerHarness.Check t = WebServerHarness.run(WebServerHarness.nginx(dir, "-t"));
      // nginx -t opens the certificate files: a missing one is the only acceptable complaint.
      boolean onlyMissingCert = t.output().contains("cannot load certificate \"/etc/ssl/book/fullchain.pem\"");
      assertTrue(t.status() == 0 || (o.tls() && onlyMissingCert), t.output());
    }
  }

  @Test
  void nginxAcceptsTheTlsVhostWithARealCertificate() throws Exception {
    Assumptions.assumeTrue(WebServerHarness.selfSignedCertificate(tmp).status() == 0, "openssl cannot make a certificate");
    VhostOptions o = VhostFixtures.with(VhostFixtures.tls(), tmp.resolve("www"), "127.0.0.1:8443",
        Optional.of(tmp.resolve("cert.pem")), Optional.of(tmp.resolve("key.pem")));
    WebServerHarness.nginxWrapper(tmp, new NginxVhost().render(o));
    WebServerHarness.Check t = WebServerHarness.run(WebServerHarness.nginx(tmp, "-t"));
    assertEquals(0, t.status(), t.output());
    assertTrue(t.output().contains("test is successful"), t.output());
  }

  @Test
  void servesThePublishedSiteWithTheHeadersItPromises() throws Exception {
    LoopbackSite site = new LoopbackSite(tmp);
    site.publish("Home v1");
    int port = WebServerHarness.freePort();
    VhostOptions o = VhostFixtures.with(VhostFixtures.plain(), site.publishRoot(), "127.0.0.1:" + port, Optional.empty(), Optional.empty());
    WebServerHarness.nginxWrapper(tmp, new NginxVhost().render(o));
    WebServerHarness nginx = WebServerHarness.start(WebServerHarness.nginx(tmp, "-g", "daemon off;"), tmp, port);
    try {
      HttpProbe http = new HttpProbe(null);
      LoopbackSite.assertServes(http, "http://127.0.0.1:" + port, Optional.empty(), 404);
      site.publish("Home v2");
      assertTrue(LoopbackSite.body(http.get("http://127.0.0.1:" + port + "/")).contains("<h1>Home v2</h1>"),
          "a publish is live at once, without reloading nginx");
    } finally {
      nginx.close();
    }
  }

  @Test
  void servesOverTlsWithHsts() throws Exception {
    Assumptions.assumeTrue(WebServerHarness.selfSignedCertificate(tmp).status() == 0, "openssl cannot make a certificate");
    LoopbackSite site = new LoopbackSite(tmp);
    site.publish("Home v1");
    int port = WebServerHarness.freePort();
    VhostOptions o = VhostFixtures.with(VhostFixtures.tls(), site.publishRoot(), "127.0.0.1:" + port,
        Optional.of(tmp.resolve("cert.pem")), Optional.of(tmp.resolve("key.pem")));
    WebServerHarness.nginxWrapper(tmp, new NginxVhost().render(o));
    WebServerHarness nginx = WebServerHarness.start(WebServerHarness.nginx(tmp, "-g", "daemon off;"), tmp, port);
    try {
      LoopbackSite.assertServes(new HttpProbe(tmp.resolve("cert.pem")), "https://127.0.0.1:" + port,
          Optional.of("max-age=31536000; includeSubDomains"), 404);
    } finally {
      nginx.close();
    }
  }
}
