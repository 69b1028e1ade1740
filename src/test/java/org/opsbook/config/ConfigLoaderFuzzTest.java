package org.opsbook.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.diag.Diagnostic;

class ConfigLoaderFuzzTest {
  private static final ConfigLoader LOADER = new ConfigLoader(CheckerRegistry.load());

  @FuzzTest(maxDuration = "20s")
  void readsAnyConfigurationOrSaysWhereItIsWrong(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
    try {
      SiteConfig config = LOADER.parse(text, "opsbook.yaml");
      // A base URL that got through prefixes every link: absolute http(s), a host, a clean path.
      String scheme = config.baseUrl().getScheme();
      assertTrue(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"), config.baseUrl().toString());
      assertFalse(config.basePath().contains("//") || config.basePath().contains("/../"), config.basePath());
      assertTrue(config.homeArticles() >= 0);
    } catch (ConfigException e) {
      assertFalse(e.diagnostics().isEmpty());
      for (Diagnostic d : e.diagnostics()) {
        assertTrue(d.where().line() <= lines + 1, d.toString());
      }
    }
  }
}
