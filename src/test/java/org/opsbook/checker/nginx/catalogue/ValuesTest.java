package org.opsbook.checker.nginx.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void sizesTakeKAndMButNotMb() {
    assertEquals(OptionalLong.of(10 * 1024 * 1024), Values.size("10m"));
    assertEquals(OptionalLong.of(128 * 1024), Values.size("128K"));
    assertTrue(Values.size("10mb").isEmpty());
    assertTrue(Values.size("1g").isEmpty());
    assertEquals(OptionalLong.of(1L << 30), Values.offset("1g"));
    assertTrue(Values.size("-1").isEmpty());
  }

  @Test
  void timesReadUnitsInDescendingOrder() {
    assertEquals(OptionalLong.of(90), Values.time("1m30s", true));
    assertEquals(OptionalLong.of(5_400_000), Values.time("1h 30m", false));
    assertEquals(OptionalLong.of(500), Values.time("500ms", false));
    assertEquals(OptionalLong.of(30_000), Values.time("30", false));
    assertTrue(Values.time("30s 1m", false).isEmpty());
    assertTrue(Values.time("30sec", true).isEmpty());
    assertTrue(Values.time("500ms", true).isEmpty());
    assertTrue(Values.time("1y", false).isEmpty(), "msec values start at months");
    assertEquals(OptionalLong.of(365L * 86400), Values.time("1y", true));
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
