package org.opsbook.site;

import org.opsbook.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.diag.Diagnostic;
import org.opsbook.publish.OutputFolderGuard;
import org.opsbook.testing.MiniSite;
import org.opsbook.testing.ToyChecker;

class BuildTest {
  @TempDir Path dir;

  private final Build build = new Build(CheckerRegistry.of(List.of(new ToyChecker())), 2);

  private MiniSite site() throws IOException {
    return new MiniSite(dir)
        .file("opsbook.yaml", "title: Mini\nbase_url: https://mini.example.org/docs/\n")
        .article("one", "tags: [Alpha, beta]\naliases: [/old/one/]\n",
            "Intro [two](../two/) and ![a diagram](d.png).\n\n## Setup\n\n```toy {id=cfg file=/etc/toy.conf}\nheader\nport 22\n```\n\n"
                + "```test for=cfg\nport => 22\n```\n")
        .file("content/articles/one/d.png", "png")
        .article("two", "", "See [one](../one/index.md#setup).\n");
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }

  @Test
  void buildsPagesFeedsAndDownloads() throws Exception {
    site();
    BuildResult r = build.run(BuildOptions.forProject(dir));
    assertFalse(r.hasErrors(), r.report().diagnostics().toString());
    assertTrue(r.written());
    Path out = dir.resolve("site");
    String one = Files.readString(out.resolve("articles/one/index.html"));
    assertTrue(one.contains("href=\"/docs/articles/two/\""), "relative links become site URLs");
    assertTrue(one.contains("src=\"/docs/articles/one/d.png\""));
    assertTrue(one.contains("toy · checked · 1 test passed"), one);
    assertTrue(Files.readString(out.resolve("articles/two/index.html")).contains("href=\"/docs/articles/one/#setup\""));
    assertEquals("header\nport 22\n", Files.readString(out.resolve("articles/one/1-toy.conf")));
    assertTrue(Files.exists(out.resolve("tags/alpha/index.html")));
    assertTrue(Files.readString(out.resolve("old/one/index.html")).contains("url=/docs/articles/one/"));
    assertTrue(Files.readString(out.resolve("feed.xml")).contains("https://mini.example.org/docs/articles/one/"));
    assertTrue(Files.exists(out.resolve("rules/toy.bad/index.html")));
  }

  /** Rule pages are the checkers' in use; a page of the content's own under rules/ is a page like any other. */
  @Test
  void aSiteHasTheRulePagesOfTheCheckersItUsesAndItsOwnPagesUnderRules() throws Exception {
    new MiniSite(dir)
        .file("opsbook.yaml", "title: Mini\nbase_url: https://mini.example.org/\n")
        .file("content/rules/local-policy.md", "---\ntitle: Local policy\n---\nOur own rules.\n")
        .article("one", "", "See [our policy](/rules/local-policy/), [the symlink rule](/rules/opsbook.symlink/)"
            + " and [every rule](/rules/).\n");
    BuildResult r = build.run(BuildOptions.forProject(dir));
    assertFalse(r.hasErrors(), r.report().diagnostics().toString());
    Path out = dir.resolve("site");
    assertTrue(Files.exists(out.resolve("rules/local-policy/index.html")));
    assertTrue(Files.exists(out.resolve("rules/opsbook.symlink/index.html")), "the pipeline's own rules, always");
    assertFalse(Files.exists(out.resolve("rules/toy.bad")), "no toy snippet, no link to a toy rule: no toy pages");
    assertFalse(Files.readString(out.resolve("rules/index.html")).contains("toy."));
  }

  @Test
  void anApprovalOfOneOutputFolderDoesNotLetABuildIntoAnotherSkipItsCheck() throws Exception {
    site();
    Files.createDirectories(dir.resolve("www"));
    Files.writeString(dir.resolve("www/index.html"), "someone else's site");
    BuildOptions options = BuildOptions.forProject(dir);
    OutputFolderGuard.Approval approval = OutputFolders.guard(options).checkBuildOutput(null, options.outputDir());
    assertTrue(approval.covers(dir.resolve("site")));
    assertThrows(ConfigException.class, () -> build.run(options.withOutput(dir.resolve("www")), approval));
    assertEquals("someone else's site", Files.readString(dir.resolve("www/index.html")));
    assertTrue(build.run(options, approval).written());
  }

  @Test
  void twoBuildsProduceIdenticalBytes() throws Exception {
    site();
    build.run(BuildOptions.forProject(dir).withOutput(dir.resolve("a")));
    build.run(BuildOptions.forProject(dir).withOutput(dir.resolve("b")));
    Map<String, String> a = tree(dir.resolve("a"));
    Map<String, String> b = tree(dir.resolve("b"));
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k).getBytes(StandardCharsets.ISO_8859_1), b.get(k).getBytes(StandardCharsets.ISO_8859_1), k);
    }
  }

  @Test
  void aBuildThatSpillsWritesTheSameBytesAndLeavesNoSpillFile() throws Exception {
    site();
    for (int i = 0; i < 30; i++) {
      new MiniSite(dir).article("more-" + i, "tags: [t" + (i % 4) + "]\nsummary: \"Part " + i + " of many.\"\n",
          "Words about host" + i + " and the relay.\n\n## Details\n\n```toy\nheader\nport " + (20 + i) + "\n```\n");
    }
    build.run(BuildOptions.forProject(dir).withOutput(dir.resolve("kept")));
    // Above 0 articles: every body, search term list and document goes through the spill file.
    BuildResult spilled = new Build(CheckerRegistry.of(List.of(new ToyChecker())), 2, 0)
        .run(BuildOptions.forProject(dir).withOutput(dir.resolve("spilled")));
    assertTrue(spilled.written(), spilled.report().diagnostics().toString());
    Map<String, String> a = tree(dir.resolve("kept"));
    Map<String, String> b = tree(dir.resolve("spilled"));
    assertEquals(a.keySet(), b.keySet());
    assertTrue(a.size() > 60, "pages, downloads and search files: " + a.size());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k).getBytes(StandardCharsets.ISO_8859_1), b.get(k).getBytes(StandardCharsets.ISO_8859_1), k);
    }
    try (Stream<Path> leftovers = Files.list(dir)) {
      assertEquals(List.of(), leftovers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
    }
  }

  @Test
  void failedBuildLeavesThePreviousSiteUntouched() throws Exception {
    site();
    build.run(BuildOptions.forProject(dir));
    Map<String, String> before = tree(dir.resolve("site"));
    new MiniSite(dir).article("three", "", "```toy\nheader\nbad 1\n```\n");
    BuildResult r = build.run(BuildOptions.forProject(dir));
    assertTrue(r.hasErrors());
    assertFalse(r.written());
    assertEquals(before, tree(dir.resolve("site")));
    try (Stream<Path> leftovers = Files.list(dir)) {
      assertEquals(List.of(), leftovers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site")).toList());
    }
  }

  @Test
  void snippetErrorsCarryMarkdownPositions() throws Exception {
    new MiniSite(dir).article("x", "", "Text\n\n```toy\nheader\n  bad 1\n```\n");
    BuildResult r = build.run(BuildOptions.forProject(dir).withWrite(false));
    Diagnostic d = r.report().diagnostics().get(0);
    assertEquals("content/articles/x/index.md:9:3", d.where().toString());
    assertEquals("toy.bad", d.rule().value());
  }

  @Test
  void failingTestCaseIsAnErrorAtItsLine() throws Exception {
    new MiniSite(dir).article("x", "", "```toy {id=c}\nheader\nport 22\n```\n\n```test for=c\nport => 2222\n```\n");
    BuildResult r = build.run(BuildOptions.forProject(dir).withWrite(false));
    Diagnostic d = r.report().diagnostics().get(0);
    assertEquals("opsbook.test-failed", d.rule().value());
    assertEquals(11, d.where().line());
    assertTrue(d.message().contains("expected port 2222, got 22"), d.message());
  }

  @Test
  void testBlockForAMissingIdIsAnError() throws Exception {
    new MiniSite(dir).article("x", "", "```test for=nope\na => b\n```\n");
    BuildResult r = build.run(BuildOptions.forProject(dir).withWrite(false));
    assertEquals("opsbook.test-target", r.report().diagnostics().get(0).rule().value());
  }

  @Test
  void brokenLinksAndMissingImagesAreErrorsAtTheirPosition() throws Exception {
    new MiniSite(dir).article("x", "", "A [gone](../missing/) link.\n\n![shot](shot.png)\n\n![](d.png)\n")
        .file("content/articles/x/d.png", "png");
    BuildResult r = build.run(BuildOptions.forProject(dir).withWrite(false));
    List<String> found = r.report().diagnostics().stream().map(d -> d.where().line() + ":" + d.where().column() + " " + d.rule()).toList();
    assertEquals(List.of("5:10 opsbook.broken-link", "7:9 opsbook.missing-image", "9:1 opsbook.image-alt"), found);
  }

  @Test
  void draftsAreLeftOutUnlessAsked() throws Exception {
    new MiniSite(dir).article("x", "draft: true\n", "```toy\nbad\n```\n").article("y", "", "Fine.\n");
    BuildResult normal = build.run(BuildOptions.forProject(dir));
    assertFalse(normal.hasErrors(), "a draft's errors do not fail a build without drafts");
    assertFalse(Files.exists(dir.resolve("site/articles/x")));
    BuildResult drafts = build.run(BuildOptions.forProject(dir).withDrafts(true));
    assertTrue(drafts.hasErrors());
  }

  @Test
  void badConfigurationStopsTheBuildWithItsLine() throws Exception {
    new MiniSite(dir).file("opsbook.yaml", "title: x\nbaseurl: https://x/\n").article("y", "", "Fine.\n");
    ConfigException e = assertThrows(ConfigException.class, () -> build.run(BuildOptions.forProject(dir)));
    assertEquals("opsbook.yaml:2:1", e.diagnostics().get(0).where().toString());
  }

  @Test
  void templateErrorsNameTheTemplate() throws Exception {
    new MiniSite(dir).file("layouts/article.peb", "{{ page.nosuchthing }}").article("y", "", "Fine.\n");
    ConfigException e = assertThrows(ConfigException.class, () -> build.run(BuildOptions.forProject(dir)));
    assertTrue(e.diagnostics().get(0).where().file().contains("article"), e.diagnostics().toString());
    assertFalse(Files.exists(dir.resolve("site")));
  }

  @Test
  void layoutsOverrideTheThemeTemplateByTemplate() throws Exception {
    new MiniSite(dir).file("layouts/404.peb", "custom not found {{ site.title }}").article("y", "", "Fine.\n");
    build.run(BuildOptions.forProject(dir));
    assertEquals("custom not found opsbook", Files.readString(dir.resolve("site/404.html")));
    assertTrue(Files.readString(dir.resolve("site/articles/y/index.html")).contains("<article"));
  }

  @Test
  void aSessionRebuildRedoesOnlyTheEditedArticle() throws Exception {
    site();
    SiteSession session = build.session(BuildOptions.forProject(dir).withDrafts(true));
    BuildResult r1 = session.rebuild(SourceChanges.EVERYTHING);
    assertEquals(2, r1.reprocessed());
    BuildResult r2 = session.rebuild(SourceChanges.of(List.of()));
    assertEquals(0, r2.reprocessed());
    assertEquals(0, r2.rendered(), "nothing changed, so nothing is made again");
    new MiniSite(dir).article("two", "", "Edited text.\n");
    BuildResult r3 = session.rebuild(SourceChanges.of(List.of(dir.resolve("content/articles/two/index.md"))));
    assertEquals(1, r3.reprocessed());
    assertTrue(new String(session.files().get("articles/two/index.html").orElseThrow(), StandardCharsets.UTF_8)
        .contains("Edited text."));
    assertFalse(Files.exists(dir.resolve("site")), "a session builds into memory and writes nothing to disk");
  }

  @Test
  void aTemplateEditRendersEveryPageAgain() throws Exception {
    site();
    SiteSession session = build.session(BuildOptions.forProject(dir));
    session.rebuild(SourceChanges.EVERYTHING);
    new MiniSite(dir).file("layouts/article.peb", "edited {{ page.title }}");
    BuildResult r = session.rebuild(SourceChanges.of(List.of(dir.resolve("layouts/article.peb"))));
    assertEquals(0, r.reprocessed(), "articles themselves did not change");
    assertEquals("edited Article one",
        new String(session.files().get("articles/one/index.html").orElseThrow(), StandardCharsets.UTF_8));
  }

  @Test
  void aSessionBuildsTheSameBytesAsABuildToDisk() throws Exception {
    site();
    BuildOptions options = BuildOptions.forProject(dir).withDrafts(true);
    build.run(options);
    Map<String, String> disk = tree(dir.resolve("site"));
    // The output folder's own bookkeeping: the build marker for publish, and the list of files
    // the build wrote, which guards the folder against replacing what it did not write.
    disk.remove(".opsbook-build.json");
    disk.remove(".opsbook-files");
    SiteSession session = build.session(options);
    session.rebuild(SourceChanges.EVERYTHING);
    Map<String, String> memory = new TreeMap<>();
    for (String path : session.files().paths()) {
      memory.put(path, new String(session.files().get(path).orElseThrow(), StandardCharsets.ISO_8859_1));
    }
    assertEquals(disk, memory);
  }

  @Test
  void aSuccessfulBuildLeavesAMarkerForPublish() throws Exception {
    site();
    build.run(BuildOptions.forProject(dir));
    assertTrue(Files.readString(dir.resolve("site/.opsbook-build.json")).contains("\"passed\":true"));
  }
}
