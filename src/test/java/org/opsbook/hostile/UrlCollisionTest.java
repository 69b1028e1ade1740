package org.opsbook.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No generated page is silently replaced: an alias, a static file or a page that lands on a URL
 * the site already produces is an opsbook.duplicate-url error naming both, and the build fails.
 */
class UrlCollisionTest {
  @TempDir Path dir;
  private HostileProject p;

  @BeforeEach
  void project() throws Exception {
    p = HostileProject.create(dir.resolve("project"));
  }

  private void alias(String alias) throws Exception {
    p.write("content/articles/second/index.md", "---\ntitle: Second\ndate: 2026-02-03\naliases: [" + alias + "]\n---\nMore.\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/tags/", "/search/", "/rules/", "/archive/", "/404.html", "/sitemap.xml", "/feed.xml",
      "/atom.xml", "/robots.txt", "/search-index.json", "/rules/opsbook.io/"})
  void anAliasOnAGeneratedPageIsAnError(String alias) throws Exception {
    alias(alias);
    p.run("build").expect(1, "content/articles/second/index.md:4:1: error: the alias " + alias
        + " in content/articles/second/index.md would be published at " + alias + ", which is already ",
        "a page opsbook generates [opsbook.duplicate-url]");
    p.assertPreviousSiteSurvived();
  }

  @Test
  void anAliasOnAnotherArticleNamesIt() throws Exception {
    alias("/articles/first/");
    p.run("build").expect(1, "would be published at /articles/first/, which is already content/articles/first/index.md");
    p.assertPreviousSiteSurvived();
  }

  @Test
  void anAliasOnAThemeAssetIsAnError() throws Exception {
    String css;
    try (Stream<Path> files = Files.list(p.path("site/css"))) {
      css = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".css")).findFirst().orElseThrow();
    }
    alias("/css/" + css);
    p.run("build").expect(1, "would be published at /css/" + css + ", which is already the theme's css/");
    p.assertPreviousSiteSurvived();
  }

  @ParameterizedTest
  @ValueSource(strings = {"404.html", "sitemap.xml", "feed.xml", "index.html", "tags/index.html", "search/index.html",
      "rules/index.html", "articles/first/index.html"})
  void aStaticFileOnAGeneratedUrlIsAnError(String file) throws Exception {
    p.write("content/" + file, "<h1>replaced</h1>\n");
    p.run("build").expect(1, "content/" + file + ":1:1: error: content/" + file + " would be published at /",
        "[opsbook.duplicate-url]");
    p.assertPreviousSiteSurvived();
  }

  @ParameterizedTest
  @ValueSource(strings = {"index.md", "tags.md", "search.md", "rules.md", "archive.md"})
  void aPageOnAGeneratedUrlIsAnError(String page) throws Exception {
    p.write("content/" + page, "---\ntitle: Page\n---\nText.\n");
    p.run("build").expect(1, "content/" + page + " would be published at /", "[opsbook.duplicate-url]");
    p.assertPreviousSiteSurvived();
  }

  @Test
  void twoTagsThatSlugAlikeAreAnErrorAtTheSecond() throws Exception {
    p.write("content/articles/second/index.md", "---\ntitle: Second\ndate: 2026-02-03\ntags: [c]\n---\nMore.\n");
    p.write("content/articles/third/index.md", "---\ntitle: Third\ndate: 2026-02-04\ntags: [C++]\n---\nMore.\n");
    p.run("build").expect(1, "content/articles/third/index.md:4:1: error: tag 'C++' would be published at /tags/c/, "
        + "which is already the page of tag 'c' [opsbook.duplicate-url]");
    p.assertPreviousSiteSurvived();
  }

  @Test
  void tagsThatDifferOnlyInCaseShareTheirPage() throws Exception {
    p.write("content/articles/second/index.md", "---\ntitle: Second\ndate: 2026-02-03\ntags: [Docker]\n---\nMore.\n");
    p.write("content/articles/third/index.md", "---\ntitle: Third\ndate: 2026-02-04\ntags: [docker]\n---\nMore.\n");
    p.run("build").expect(0);
  }
}
