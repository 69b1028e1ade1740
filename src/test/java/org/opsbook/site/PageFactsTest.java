package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.MiniSite;
import org.opsbook.testing.ToyChecker;

/** What a runbook page tells about itself, and long lists cut into pages. */
class PageFactsTest {
  @TempDir Path dir;

  private final Build build = new Build(CheckerRegistry.of(List.of(new ToyChecker())), 2);

  /** Five articles tagged ssh, published on the 1st to the 5th; odd ones also tagged odd. */
  private MiniSite fiveArticles(String config) throws Exception {
    MiniSite site = new MiniSite(dir).file("opsbook.yaml", config);
    for (int i = 1; i <= 5; i++) {
      site.file("content/articles/a" + i + "/index.md", "---\ntitle: \"Article " + i + "\"\ndate: 2026-02-0" + i
          + "\nsummary: \"Step " + i + " of the key rotation\"\ntags: [ssh" + (i % 2 == 1 ? ", odd" : "") + "]\n---\nText.\n");
    }
    return site;
  }

  private String page(String sitePath) throws Exception {
    return Files.readString(dir.resolve("site").resolve(sitePath));
  }

  private BuildResult buildOk() throws Exception {
    BuildResult r = build.run(BuildOptions.forProject(dir));
    assertFalse(r.hasErrors(), r.report().diagnostics().toString());
    return r;
  }

  @Test
  void longListsContinueOnNumberedPagesLinkedBothWays() throws Exception {
    fiveArticles("title: P\npagination:\n  page_size: 2\nhome_articles: 2\n");
    buildOk();
    for (String p : List.of("tags/ssh/page/2/index.html", "tags/ssh/page/3/index.html", "tags/odd/page/2/index.html",
        "archive/page/2/index.html", "archive/page/3/index.html", "page/2/index.html", "page/3/index.html")) {
      assertTrue(Files.exists(dir.resolve("site").resolve(p)), p);
    }
    assertFalse(Files.exists(dir.resolve("site/tags/ssh/page/4/index.html")));
    assertFalse(Files.exists(dir.resolve("site/tags/odd/page/3/index.html")));
    String first = page("tags/ssh/index.html");
    assertTrue(first.contains("Article 5") && first.contains("Article 4") && !first.contains("Article 3"), first);
    assertTrue(first.contains("Page 1 of 3") && first.contains("rel=\"next\" href=\"/tags/ssh/page/2/\""), first);
    assertTrue(first.contains("5 articles."), "the count is the tag's, not the page's");
    String second = page("tags/ssh/page/2/index.html");
    assertTrue(second.contains("Article 3") && second.contains("Article 2") && !second.contains("Article 4"), second);
    assertTrue(second.contains("rel=\"prev\" href=\"/tags/ssh/\"") && second.contains("href=\"/tags/ssh/page/3/\""));
    assertTrue(second.contains("<link rel=\"canonical\" href=\"http://localhost/tags/ssh/page/2/\">"), second);
    assertTrue(page("archive/page/3/index.html").contains("Article 1"));
    assertTrue(page("page/2/index.html").contains("<title>P · page 2</title>"));
    String sitemap = page("sitemap.xml");
    assertTrue(sitemap.contains("/tags/ssh/page/3/</loc>") && sitemap.contains("/archive/page/2/</loc>")
        && sitemap.contains("/page/3/</loc>"), sitemap);
  }

  @Test
  void withoutAPageSizeEveryListStaysOnOnePage() throws Exception {
    fiveArticles("title: P\nhome_articles: 2\n");
    buildOk();
    assertFalse(Files.exists(dir.resolve("site/tags/ssh/page/2/index.html")));
    assertFalse(Files.exists(dir.resolve("site/page/2/index.html")));
    assertTrue(page("tags/ssh/index.html").contains("Article 1"));
    assertFalse(page("tags/ssh/index.html").contains("class=\"pagination\""));
    assertTrue(page("index.html").contains("All 5 articles in the archive"));
  }

  @Test
  void anAliasOnAFurtherListPageIsACollisionNotASilentReplacement() throws Exception {
    fiveArticles("title: P\npagination:\n  page_size: 2\n");
    new MiniSite(dir).article("moved", "aliases: [/tags/ssh/page/2/]\n", "Text.\n");
    BuildResult r = build.run(BuildOptions.forProject(dir));
    List<Diagnostic> dup = r.report().diagnostics().stream()
        .filter(d -> d.rule().value().equals("opsbook.duplicate-url")).toList();
    assertEquals(1, dup.size(), r.report().diagnostics().toString());
    assertTrue(dup.get(0).message().contains("a further page of tag ssh"), dup.get(0).message());
  }

  @Test
  void anArticleLinksItsNeighboursInTheSeriesOfItsFirstTag() throws Exception {
    fiveArticles("title: P\n");
    buildOk();
    String third = page("articles/a3/index.html");
    assertTrue(third.contains("Article 3 of 5 in <a href=\"/tags/ssh/\">ssh</a>"), third);
    assertTrue(third.contains("<a class=\"series-previous\" href=\"/articles/a2/\"><span>Previous in ssh</span>Article 2</a>"));
    assertTrue(third.contains("<a class=\"series-next\" href=\"/articles/a4/\"><span>Next in ssh</span>Article 4</a>"));
    String oldest = page("articles/a1/index.html");
    assertTrue(oldest.contains("Article 1 of 5") && !oldest.contains("series-previous"), oldest);
  }

  @Test
  void anArticleAloneInItsTagHasNoSeries() throws Exception {
    new MiniSite(dir).file("opsbook.yaml", "title: P\n").article("solo", "tags: [rare]\n", "Text.\n")
        .article("other", "tags: [common]\n", "Text.\n");
    buildOk();
    assertFalse(page("articles/solo/index.html").contains("class=\"series\""));
  }

  @Test
  void theEditLinkPointsAtTheSourceInTheRepository() throws Exception {
    fiveArticles("title: P\nrepo_url: https://github.com/example/runbooks\nedit_path: edit/main/content/\n");
    buildOk();
    assertTrue(page("articles/a2/index.html").contains(
        "<a class=\"edit-link\" href=\"https://github.com/example/runbooks/edit/main/content/articles/a2/index.md\">Edit this page</a>"));
  }

  @Test
  void socialPreviewsComeFromThePageAndNameTheUrlOnlyWhenTheSiteKnowsIt() throws Exception {
    fiveArticles("title: P\n");
    buildOk();
    String local = page("articles/a2/index.html");
    assertTrue(local.contains("<meta property=\"og:title\" content=\"Article 2\">"), local);
    assertTrue(local.contains("<meta property=\"og:description\" content=\"Step 2 of the key rotation\">"));
    assertTrue(local.contains("<meta property=\"og:type\" content=\"article\">"));
    assertTrue(local.contains("<meta property=\"article:published_time\" content=\"2026-02-02\">"));
    assertFalse(local.contains("og:url"), "no public address without base_url");
    assertFalse(local.contains("og:image"), "no image that would need a request elsewhere");
    assertTrue(page("tags/ssh/index.html").contains("<meta property=\"og:type\" content=\"website\">"));
    Files.writeString(dir.resolve("opsbook.yaml"), "title: P\nbase_url: https://docs.example.org/ops/\n");
    buildOk();
    assertTrue(page("articles/a2/index.html").contains(
        "<meta property=\"og:url\" content=\"https://docs.example.org/ops/articles/a2/\">"));
  }

  @Test
  void theLastUpdateComesFromFrontMatterWhenThereIsNoGitAndIsNotRepeatedOnThePublicationDay() throws Exception {
    new MiniSite(dir).file("opsbook.yaml", "title: P\n").article("changed", "updated: 2026-04-01\n", "Text.\n")
        .article("same", "updated: 2026-02-03\n", "Text.\n").article("never", "", "Text.\n");
    buildOk();
    assertTrue(page("articles/changed/index.html").contains("Last updated <time datetime=\"2026-04-01\">1 April 2026</time>"));
    assertFalse(page("articles/same/index.html").contains("Last updated"));
    assertFalse(page("articles/never/index.html").contains("Last updated"));
  }

  @Test
  void theLastCommitWinsOverFrontMatterAndTwoBuildsAgree() throws Exception {
    assumeTrue(GitDatesTest.GitRepo.available(), "git is not installed");
    new MiniSite(dir).file("opsbook.yaml", "title: P\n").file(".gitignore", "site/\n")
        .article("changed", "updated: 2026-04-01\n", "Text.\n").article("other", "", "Text.\n");
    GitDatesTest.GitRepo repo = GitDatesTest.GitRepo.init(dir).commit("2026-02-03T08:00:00+00:00");
    repo.write("content/articles/changed/index.md", "---\ntitle: Changed\ndate: 2026-02-03\nupdated: 2026-04-01\n---\nMore.\n")
        .commit("2026-06-07T12:00:00+02:00");
    buildOk();
    String changed = page("articles/changed/index.html");
    assertTrue(changed.contains("Last updated <time datetime=\"2026-06-07\">7 June 2026</time>"), changed);
    assertTrue(changed.contains("<meta property=\"article:modified_time\" content=\"2026-06-07\">"));
    assertFalse(page("articles/other/index.html").contains("Last updated"), "committed on its publication day");
    assertTrue(page("sitemap.xml").contains("/articles/changed/</loc><lastmod>2026-06-07</lastmod>"), page("sitemap.xml"));
    byte[] before = Files.readAllBytes(dir.resolve("site/articles/changed/index.html"));
    buildOk();
    assertEquals(new String(before), page("articles/changed/index.html"));
  }
}
