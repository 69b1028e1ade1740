package org.opsbook.serverconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VhostOptionsTest {

  @Test
  void fixturesAreUsable() {
    assertEquals(List.of(), VhostFixtures.tls().problems());
    assertEquals(List.of(), VhostFixtures.plain().problems());
  }

  @Test
  void preloadNeedsAYearAndSubdomains() {
    VhostOptions o = new VhostOptions("book.example.org", Path.of("/srv/www"), Optional.empty(),
        Optional.of(Path.of("/c.pem")), Optional.of(Path.of("/k.pem")), 86400, false, true, 300, "/404.html");
    assertEquals(List.of("--hsts-preload needs --hsts-max-age 31536000 (a year) or more and --hsts-include-subdomains;"
        + " the preload list rejects anything less"), o.problems());
  }

  @Test
  void hstsOptionsWithoutTlsAreRefused() {
    VhostOptions o = new VhostOptions("book.example.org", Path.of("/srv/www"), Optional.empty(), Optional.empty(),
        Optional.empty(), 300, true, false, 300, "/404.html");
    assertTrue(o.problems().get(0).startsWith("HSTS options need TLS"), o.problems().toString());
  }

  @Test
  void badNamesPathsAndPortsAreEachExplained() {
    VhostOptions o = new VhostOptions("book example", Path.of("srv/www"), Optional.of("127.0.0.1:99999"),
        Optional.of(Path.of("/c.pem")), Optional.empty(), -1, false, false, 300, "404.html");
    List<String> p = o.problems();
    assertEquals(6, p.size(), p.toString());
    assertTrue(p.get(0).contains("is not a host name"));
    assertTrue(p.get(1).startsWith("--root must be an absolute path"));
    assertTrue(p.get(2).startsWith("--listen '127.0.0.1:99999'"));
    assertEquals("give both --tls-cert and --tls-key, or neither", p.get(3));
  }
}
