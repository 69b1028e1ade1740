package org.opsbook.maintenance.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.maintenance.SiteMarkdown;
import org.opsbook.maintenance.MaintenanceBuilder;
import org.opsbook.maintenance.page.MaintenancePage;
import org.opsbook.maintenance.page.MaintenancePageParser;
import org.opsbook.maintenance.support.Fixtures;
import org.opsbook.maintenance.support.Installed;
import org.opsbook.maintenance.support.Project;
import org.opsbook.maintenance.support.ServerHarness;
import org.opsbook.maintenance.support.Tools;

/**
 * The generated configs as the real servers read them: {@code nginx -t}, {@code apache2 -t},
 * {@code varnishd -C} and {@code haproxy -c}, each from the Debian package. Every page variant is
 * installed into a temporary folder first, because the servers check that the page file exists.
 */
@Tag("oracle")
class ServerSyntaxOracleTest {
  @TempDir Path dir;

  private static Path tool(String name) {
    Optional<Path> found = Tools.find(name);
    Assumptions.assumeTrue(found.isPresent(), name + " is not installed (.ci/install-tools installs it)");
    return found.get();
  }

  private Path install(String variant) throws IOException {
    MaintenancePage page;
    if (variant.startsWith("project-")) {
      page = MaintenancePageParser.parse(variant.substring(8), "content/maintenance/" + variant.substring(8) + ".md",
          Files.readString(Project.root().resolve("content/maintenance/" + variant.substring(8) + ".md"))).page().orElseThrow();
    } else {
      page = MaintenancePageParser.parse(variant, "content/maintenance/" + variant + ".md",
          Fixtures.read("servers/" + variant + ".input")).page().orElseThrow();
    }
    MaintenancePage installed = Installed.relocate(page, dir, Tools.freePort(), 8080);
    MaintenanceResult result = new MaintenanceBuilder(Project.settings(), new SiteMarkdown()).build(installed, List.of());
    assertFalse(result.hasErrors(), result.diagnostics()::toString);
    Installed.write(result, installed, dir, true);
    return dir;
  }

  private int listenPort(Path installed) throws IOException {
    String nginx = Files.readString(installed.resolve("nginx.conf"));
    return Integer.parseInt(nginx.replaceAll("(?s).*\\n    listen (\\d+);.*", "$1"));
  }


  @ParameterizedTest
  @ValueSource(strings = {"full", "minimal", "html-only", "project-upgrade", "project-emergency"})
  void nginxAcceptsTheConfig(String variant) throws IOException {
    Path nginx = tool("nginx");
    Path installed = install(variant);
    Path main = ServerHarness.nginxMain(installed, installed.resolve("nginx.conf"));
    Tools.Run run = Tools.run(installed, List.of(nginx.toString(), "-t", "-q", "-p", installed.toString(), "-c", main.toString()), 60);
    assertEquals(0, run.exitCode(), run.output());
    assertFalse(run.output().contains("[warn]"), run.output());
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "minimal", "html-only", "project-upgrade", "project-emergency"})
  void apacheAcceptsTheConfig(String variant) throws IOException {
    Path apache = tool("apache2");
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/lib/apache2/modules")), "Debian's apache2 module folder is missing");
    Path installed = install(variant);
    Path main = ServerHarness.apacheMain(installed, installed.resolve("apache.conf"), listenPort(installed));
    Tools.Run run = Tools.run(installed, List.of(apache.toString(), "-t", "-f", main.toString()), 60);
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("Syntax OK"), run.output());
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "minimal", "html-only", "project-upgrade", "project-emergency"})
  void varnishCompilesTheVcl(String variant) throws IOException {
    Path varnishd = tool("varnishd");
    Path installed = install(variant);
    Tools.Run run = Tools.run(installed, List.of(varnishd.toString(), "-C", "-n", installed.resolve("varnish-work").toString(),
        "-f", installed.resolve("varnish.vcl").toString()), 90);
    assertEquals(0, run.exitCode(), tail(run.output()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "minimal", "html-only", "project-upgrade", "project-emergency"})
  void haproxyAcceptsTheConfigWithoutWarnings(String variant) throws IOException {
    Path haproxy = tool("haproxy");
    Path installed = install(variant);
    Path config = ServerHarness.haproxyWithDefaults(installed, installed.resolve("haproxy.cfg"));
    Tools.Run run = Tools.run(installed, List.of(haproxy.toString(), "-c", "-f", config.toString()), 60);
    assertEquals(0, run.exitCode(), run.output());
    assertFalse(run.output().contains("[WARNING]"), run.output());
  }

  /** The harness itself can fail: a config with a typo is rejected by every server. */
  @Test
  void everyServerRejectsABrokenConfig() throws IOException {
    Path installed = install("full");
    for (String file : List.of("nginx.conf", "apache.conf", "varnish.vcl", "haproxy.cfg")) {
      String text = Files.readString(installed.resolve(file));
      String broken = switch (file) {
        case "nginx.conf" -> text.replace("proxy_pass http", "proxy_passs http");
        case "apache.conf" -> text.replace("RewriteRule \"^\" \"-\" [R=503,L]", "RewriteRule \"^\" \"-\" [R=503,LL]");
        case "varnish.vcl" -> text.replace("return (synth(750));", "return (synth(750);");
        default -> text.replace("default_backend", "default_backendd");
      };
      assertNotEquals(text, broken, file);
      Files.writeString(installed.resolve(file), broken);
    }
    if (Tools.find("nginx").isPresent()) {
      Path main = ServerHarness.nginxMain(installed, installed.resolve("nginx.conf"));
      assertNotEquals(0, Tools.run(installed, List.of(tool("nginx").toString(), "-t", "-q", "-p", installed.toString(), "-c", main.toString()), 60).exitCode());
    }
    if (Tools.find("apache2").isPresent()) {
      Path main = ServerHarness.apacheMain(installed, installed.resolve("apache.conf"), listenPort(installed));
      assertNotEquals(0, Tools.run(installed, List.of(tool("apache2").toString(), "-t", "-f", main.toString()), 60).exitCode());
    }
    if (Tools.find("varnishd").isPresent()) {
      assertNotEquals(0, Tools.run(installed, List.of(tool("varnishd").toString(), "-C", "-n", installed.resolve("vw").toString(),
          "-f", installed.resolve("varnish.vcl").toString()), 90).exitCode());
    }
    if (Tools.find("haproxy").isPresent()) {
      Path config = ServerHarness.haproxyWithDefaults(installed, installed.resolve("haproxy.cfg"));
      assertNotEquals(0, Tools.run(installed, List.of(tool("haproxy").toString(), "-c", "-f", config.toString()), 60).exitCode());
    }
  }

  /**
   * HAProxy's own verdict on whether a reply fits its buffer, against ours, for page sizes around
   * the limit. We may be cautious (say "does not fit" a little early) but never optimistic.
   */
  @Test
  void haproxyBufferVerdictIsNeverOptimistic() throws IOException {
    Path haproxy = tool("haproxy");
    MaintenancePage page = Installed.relocate(
        MaintenancePageParser.parse("full", "content/maintenance/full.md", Fixtures.read("servers/full.input")).page().orElseThrow(),
        dir, 8081, 8080);
    Files.createDirectories(Path.of(page.server().installDir()));
    Files.writeString(Path.of(HaproxyConfig.switchMap(page.server())), "maintenance on\n");
    int cautious = 0;
    int agreed = 0;
    StringBuilder report = new StringBuilder();
    for (int size = 14000; size <= 16600; size += 100) {
      Files.write(Path.of(page.server().pageFile()), "x".repeat(size).getBytes(StandardCharsets.US_ASCII));
      ServedPage served = new ServedPage(page, ServerConfigGoldenTest.POLICY, size);
      // The config as if the page fitted: no raised buffer.
      ServedPage asIfSmall = new ServedPage(page, ServerConfigGoldenTest.POLICY, 100);
      Path config = dir.resolve("h.cfg");
      Files.writeString(config, new HaproxyConfig().generate(asIfSmall));
      Tools.Run run = Tools.run(dir, List.of(haproxy.toString(), "-c", "-f", ServerHarness.haproxyWithDefaults(dir, config).toString()), 60);
      boolean haproxyFits = run.exitCode() == 0 && !run.output().contains("buffer");
      boolean weFit = HaproxyConfig.fitsDefaultBuffer(served);
      report.append(size).append(": haproxy ").append(haproxyFits).append(", opsbook ").append(weFit).append('\n');
      assertFalse(weFit && !haproxyFits, "optimistic at " + size + " bytes:\n" + run.output());
      if (weFit == haproxyFits) {
        agreed++;
      } else {
        cautious++;
      }
      if (!weFit) {
        // The generated alternative must then be accepted without a buffer warning.
        Files.writeString(config, new HaproxyConfig().generate(served));
        Tools.Run raised = Tools.run(dir, List.of(haproxy.toString(), "-c", "-f", ServerHarness.haproxyWithDefaults(dir, config).toString()), 60);
        assertEquals(0, raised.exitCode(), raised.output());
        assertFalse(raised.output().contains("buffer"), raised.output());
      }
    }
    System.out.println("HAProxy buffer verdicts: " + agreed + " agree, " + cautious + " cautious\n" + report);
    assertTrue(cautious <= 1, "too cautious:\n" + report);
  }

  private static String tail(String output) {
    return output.length() > 3000 ? output.substring(output.length() - 3000) : output;
  }
}
