package org.opsbook.maintenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.diag.Diagnostic;
import org.opsbook.maintenance.inline.ReferenceVerifier;
import org.opsbook.maintenance.support.Project;

class MaintenanceBuilderTest {
  @TempDir Path temp;

  private MaintenanceResult buildProjectPage(String name) throws IOException {
    return Project.builder().build(name);
  }

  private Path projectWith(String name, String page) throws IOException {
    Path dir = temp.resolve("project");
    Files.createDirectories(dir.resolve("content/maintenance"));
    Files.writeString(dir.resolve("content/maintenance/" + name + ".md"), page, StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  void buildsTheProjectsPagesIntoFiveFiles() throws IOException {
    assertEquals(List.of("emergency", "upgrade"), MaintenanceBuilder.pageNames(Project.root().resolve("content")));
    for (String name : List.of("upgrade", "emergency")) {
      MaintenanceResult result = buildProjectPage(name);
      assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
      assertEquals(List.of("index.html", "nginx.conf", "apache.conf", "varnish.vcl", "haproxy.cfg"),
          List.copyOf(result.files().keySet()));
      assertEquals(result.files().get("index.html").length, result.pageBytes());
      assertEquals(16384, result.haproxyBufferSize(), "the bundled pages fit HAProxy's default buffer");
    }
  }

  @Test
  void pageIsSelfContainedAndShowsTheFrontMatter() throws IOException {
    MaintenanceResult result = buildProjectPage("upgrade");
    Document page = Jsoup.parse(result.text("index.html"));
    assertEquals("We are upgrading the service", page.selectFirst("h1").text());
    assertEquals("back in about 6 hours", page.getElementById("expected-end-words").text(),
        "2026-11-24T02:00Z is six hours after the reference instant");
    assertEquals("2026-11-24T02:00:00Z", page.selectFirst("time").attr("datetime"));
    assertEquals("300", page.selectFirst("meta[http-equiv=refresh]").attr("content"));
    assertTrue(page.selectFirst("img.maintenance-logo").attr("src").startsWith("data:image/svg+xml;base64,"));
    assertEquals("Example Shop", page.selectFirst(".maintenance-site").text());
    assertEquals("en", page.selectFirst("html").attr("lang"));
    assertTrue(ReferenceVerifier.verify(page, java.util.Set.of("https://status.example.org/")).isEmpty());
    assertTrue(result.text("nginx.conf").contains("add_header Retry-After \"1800\" always;"));
  }

  @Test
  void buildsAreByteIdentical() throws IOException {
    MaintenanceResult first = buildProjectPage("upgrade");
    MaintenanceResult second = buildProjectPage("upgrade");
    for (String file : first.files().keySet()) {
      assertArrayEquals(first.files().get(file), second.files().get(file), file);
    }
  }

  @Test
  void withoutAReferenceInstantThePageStatesTheTime() throws IOException {
    MaintenanceSettings settings = MaintenanceSettings.forTheme(Project.root(), Project.root().resolve("themes/default"),
        "Example Shop", "en", Optional.empty());
    MaintenanceResult result = new MaintenanceBuilder(settings, new SiteMarkdown()).build("upgrade");
    assertEquals("expected back by Tuesday 24 November 2026, 02:00 UTC",
        Jsoup.parse(result.text("index.html")).getElementById("expected-end-words").text());
  }

  @Test
  void writesTheFilesOnlyWhenThereAreNoErrors() throws IOException {
    Path good = projectWith("ok", "---\ntitle: Down\n---\nBack soon.\n");
    Path out = temp.resolve("out");
    MaintenanceResult result = new MaintenanceBuilder(Project.settings(good), new SiteMarkdown()).buildTo("ok", out);
    assertFalse(result.hasErrors());
    for (String file : result.files().keySet()) {
      assertArrayEquals(result.files().get(file), Files.readAllBytes(out.resolve(file)));
    }
    Path bad = projectWith("bad", "---\ntitle: Down\nallow: [300.1.1.1]\n---\n");
    Path badOut = temp.resolve("bad-out");
    MaintenanceResult failed = new MaintenanceBuilder(Project.settings(bad), new SiteMarkdown()).buildTo("bad", badOut);
    assertTrue(failed.hasErrors());
    assertTrue(failed.files().isEmpty());
    assertFalse(Files.exists(badOut));
    assertEquals("content/maintenance/bad.md:3:1", failed.diagnostics().get(0).where().toString());
  }

  @Test
  void namesTheExistingPagesWhenOneIsMissing() throws IOException {
    MaintenanceResult result = buildProjectPage("nope");
    Diagnostic d = result.diagnostics().get(0);
    assertEquals("content/maintenance/nope.md", d.where().file());
    assertTrue(d.hintText().orElseThrow().contains("emergency, upgrade"), d::toString);
  }

  @Test
  void warnsWhenThePageIsOverBudget() throws IOException {
    MaintenanceResult result = new MaintenanceBuilder(Project.settings().withBudget(1024), new SiteMarkdown()).build("upgrade");
    assertFalse(result.hasErrors());
    assertTrue(result.diagnostics().stream().anyMatch(d -> d.rule().value().equals("maintenance.over-budget")));
  }

  @Test
  void largePageGetsAHaproxyConfigWithABiggerBuffer() throws IOException {
    String body = "A long explanation of what is happening. ".repeat(400);
    Path project = projectWith("long", "---\ntitle: Down\n---\n" + body + "\n");
    MaintenanceResult result = new MaintenanceBuilder(Project.settings(project), new SiteMarkdown()).build("long");
    assertFalse(result.hasErrors());
    assertTrue(result.pageBytes() > 16384);
    assertTrue(result.diagnostics().stream().anyMatch(d -> d.rule().value().equals("maintenance.haproxy-buffer")));
    assertTrue(result.text("haproxy.cfg").contains("tune.bufsize " + result.haproxyBufferSize()));
    assertTrue(result.haproxyBufferSize() > result.pageBytes());
  }

  @Test
  void markdownInTheBodyCannotSneakInExternalReferences() throws IOException {
    Path project = projectWith("sneaky", "---\ntitle: Down\n---\n![tracker](https://tracker.example.com/p.gif)\n");
    MaintenanceResult result = new MaintenanceBuilder(Project.settings(project), new SiteMarkdown()).build("sneaky");
    assertTrue(result.hasErrors());
    assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().contains("tracker.example.com")), result.diagnostics()::toString);
  }

  @Test
  void runsTheCheckerForAGeneratedConfigsLanguage() throws IOException {
    org.opsbook.check.Checker nginxChecker = new org.opsbook.check.Checker() {
      @Override
      public String id() {
        return "fakenginx";
      }

      @Override
      public List<String> languages() {
        return List.of("nginx");
      }

      @Override
      public List<org.opsbook.check.RuleInfo> rules() {
        return List.of(org.opsbook.check.RuleInfo.of("fakenginx.no-upstream", org.opsbook.diag.Severity.ERROR, "s", "e"));
      }

      @Override
      public List<Diagnostic> check(org.opsbook.check.Snippet snippet, org.opsbook.check.CheckContext context) {
        List<String> lines = snippet.lines();
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).startsWith("upstream ")) {
            return List.of(Diagnostic.error(snippet.at(i + 1, 1), "fakenginx.no-upstream", "upstream found"));
          }
        }
        return List.of();
      }
    };
    MaintenanceResult result = new MaintenanceBuilder(Project.settings(), new SiteMarkdown(),
        org.opsbook.check.CheckerRegistry.of(List.of(nginxChecker))).build("upgrade");
    Diagnostic d = result.diagnostics().stream().filter(x -> x.rule().value().equals("fakenginx.no-upstream")).findFirst().orElseThrow();
    assertEquals("maintenance/upgrade/nginx.conf", d.where().file());
    assertTrue(result.text("nginx.conf").lines().toList().get(d.where().line() - 1).startsWith("upstream "));
    assertTrue(result.hasErrors());
  }

  @Test
  void everyReportedRuleIsDocumented() throws IOException {
    java.util.Set<String> documented = new java.util.TreeSet<>();
    MaintenanceRules.ALL.forEach(rule -> documented.add(rule.id().value()));
    java.util.regex.Pattern id = java.util.regex.Pattern.compile("\"(maintenance\\.[a-z-]+)\"");
    try (java.util.stream.Stream<Path> sources = Files.walk(Project.root().resolve("src/main/java/org/opsbook/maintenance"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        java.util.regex.Matcher m = id.matcher(Files.readString(source));
        while (m.find()) {
          assertTrue(documented.contains(m.group(1)), m.group(1) + " in " + source.getFileName() + " has no documentation");
        }
      }
    }
    assertEquals(MaintenanceRules.ALL.size(), documented.size(), "no duplicate rule IDs");
  }
}
