package org.opsbook.maintenance.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.maintenance.page.MaintenancePage;
import org.opsbook.maintenance.page.MaintenancePageParser;
import org.opsbook.maintenance.support.Fixtures;
import org.opsbook.testing.Golden;

class ServerConfigGoldenTest {
  static final String POLICY = "default-src 'none'; style-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; "
      + "script-src 'none'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  static ServedPage served(String name) throws IOException {
    MaintenancePageParser.Result parsed =
        MaintenancePageParser.parse(name, "content/maintenance/" + name + ".md", Fixtures.read("servers/" + name + ".input"));
    MaintenancePage page = parsed.page().orElseThrow(() -> new AssertionError(parsed.diagnostics()));
    return new ServedPage(page, POLICY, 6000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "minimal", "html-only"})
  void generatesTheExpectedConfigForEveryServer(String name) throws IOException {
    ServedPage served = served(name);
    for (ServerConfig config : ServerConfigs.ALL) {
      Golden.assertMatches("org/opsbook/maintenance/servers/" + name + "." + config.fileName() + ".expected",
          config.generate(served));
    }
  }

  @Test
  void allServersAgreeOnTheBypassUrlAndCookie() throws IOException {
    ServedPage served = served("full");
    String path = served.bypassPath().orElseThrow();
    String value = served.cookieValue().orElseThrow();
    assertEquals("/__maintenance_bypass/0123456789abcdef0123456789abcdef", path);
    assertEquals(32, value.length());
    assertFalse(value.contains("0123456789abcdef0123"), "the cookie is a digest, not the secret");
    for (ServerConfig config : ServerConfigs.ALL) {
      String text = config.generate(served);
      assertTrue(text.contains(path), config.fileName() + " lacks the bypass path");
      assertTrue(text.contains(value), config.fileName() + " lacks the cookie value");
      assertTrue(text.contains("1800"), config.fileName() + " lacks Retry-After");
      assertTrue(text.contains("no-store"), config.fileName() + " lacks Cache-Control");
      assertTrue(text.contains(POLICY), config.fileName() + " lacks the policy");
    }
  }

  @Test
  void nginxSendsHeadersOnTheErrorResponse() throws IOException {
    String nginx = new NginxConfig().generate(served("full"));
    assertTrue(nginx.contains("add_header Retry-After \"1800\" always;"));
    assertTrue(nginx.contains("add_header Cache-Control \"no-store\" always;"));
  }

  @Test
  void pageWithoutSecretHasNoBypassRoute() throws IOException {
    ServedPage served = served("minimal");
    assertTrue(served.bypassPath().isEmpty());
    for (ServerConfig config : ServerConfigs.ALL) {
      assertFalse(config.generate(served).contains(ServedPage.BYPASS_PREFIX), config.fileName());
    }
  }

  @Test
  void haproxyRaisesItsBufferOnlyForALargePage() throws IOException {
    ServedPage small = served("full");
    assertTrue(HaproxyConfig.fitsDefaultBuffer(small));
    assertFalse(new HaproxyConfig().generate(small).contains("tune.bufsize"));
    ServedPage large = new ServedPage(small.page(), POLICY, 20_000);
    assertFalse(HaproxyConfig.fitsDefaultBuffer(large));
    assertEquals(24576, HaproxyConfig.bufferSize(large));
    assertFalse(HaproxyConfig.fitsDefaultBuffer(new ServedPage(small.page(), POLICY, 15361)));
    assertTrue(HaproxyConfig.fitsDefaultBuffer(new ServedPage(small.page(), POLICY, 15360)));
    assertTrue(new HaproxyConfig().generate(large).contains("global\n    tune.bufsize 24576\n"));
  }
}
