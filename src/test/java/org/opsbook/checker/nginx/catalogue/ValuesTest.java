package org.opsbook.checker.nginx.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void sizesTakeKAndMButNotMb() {
    assertEquals(OptionalLong.of(10 * 1024 * 1024), Quantities.size("10m"));
    assertEquals(OptionalLong.of(128 * 1024), Quantities.size("128K"));
    assertTrue(Quantities.size("10mb").isEmpty());
    assertTrue(Quantities.size("1g").isEmpty());
    assertEquals(OptionalLong.of(1L << 30), Quantities.offset("1g"));
    assertTrue(Quantities.size("-1").isEmpty());
  }

  @Test
  void timesReadUnitsInDescendingOrder() {
    assertEquals(OptionalLong.of(90), Quantities.time("1m30s", true));
    assertEquals(OptionalLong.of(5_400_000), Quantities.time("1h 30m", false));
    assertEquals(OptionalLong.of(500), Quantities.time("500ms", false));
    assertEquals(OptionalLong.of(30_000), Quantities.time("30", false));
    assertTrue(Quantities.time("30s 1m", false).isEmpty());
    assertTrue(Quantities.time("30sec", true).isEmpty());
    assertTrue(Quantities.time("500ms", true).isEmpty());
    assertTrue(Quantities.time("1y", false).isEmpty(), "msec values start at months");
    assertEquals(OptionalLong.of(365L * 86400), Quantities.time("1y", true));
  }

  @Test
  void directivesOfModulesDebianDoesNotInstallAreKnownButUnavailable() {
    DirectiveSpec geoip = Catalogue.get().lookup("geoip_country").get(0);
    assertEquals(Build.SEPARATE_PACKAGE, geoip.module().build());
    assertEquals("libnginx-mod-http-geoip", geoip.module().debianPackage());
    assertTrue(Catalogue.get().lookup("proxy_pass").stream().anyMatch(s -> s.module().isAvailable()));
    assertEquals("1.25.1", Catalogue.get().laterRelease("http2").orElseThrow());
  }
}
