package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.testing.MiniSite;
import org.opsbook.testing.Project;

/**
 * A link to a list page must name one the build writes: a tag a published article has, a further
 * page a list reaches; and the maintenance pages the build publishes may be linked to.
 */
class ListPageLinkCheckTest {
  private static final String RULE = "opsbook.broken-link";

  @TempDir Path dir;

  @Test
  void aLinkToATagNoArticleHasIsABrokenLinkWithTheNearestTag() throws Exception {
    new MiniSite(dir)
        .article("backups", "tags: [Backup, ssh]\n", "Text.\n")
        .article("links", "", "[all](../../tags/) [b](../../tags/backup/) [s](/tags/ssh/#top) [t](../../tags/bakup/)"
            + " [u](../../tags/unknown)\n");
    assertEquals(List.of(
        "links/index.md:5:68 link to '../../tags/bakup/' points at tags/bakup/, a page the site does not have: no"
            + " published article has that tag | did you mean tags/backup/?",
        "links/index.md:5:91 link to '../../tags/unknown' points at tags/unknown/, a page the site does not have: no"
            + " published article has that tag | the tags/ page lists every tag; tag an article with it, or fix the link"),
        SiteFindings.of(dir, RULE, false));
  }

  @Test
  void aTagOnlyADraftHasHasAPageOnlyWhenDraftsAreBuilt() throws Exception {
    new MiniSite(dir)
        .article("wip", "draft: true\ntags: [nginx]\n", "Text.\n")
        .article("links", "", "[n](../../tags/nginx/)\n");
    assertEquals(1, SiteFindings.of(dir, RULE, false).size());
    assertEquals(List.of(), SiteFindings.of(dir, RULE, true));
  }

  @Test
  void furtherPagesOfATagExistOnlyAsFarAsItsListReaches() throws Exception {
    new MiniSite(dir)
        .file("opsbook.yaml", "title: t\npagination:\n  page_size: 1\n")
        .article("one", "tags: [dns]\n", "Text.\n")
        .article("two", "tags: [dns]\n", "[2](../../tags/dns/page/2/) [3](../../tags/dns/page/3/)\n");
    assertEquals(List.of(
        "two/index.md:6:33 link to '../../tags/dns/page/3/' points at tags/dns/page/3/, a page the site does not have:"
            + " no published article's tag fills that many pages | did you mean tags/dns/?"),
        SiteFindings.of(dir, RULE, false));
  }

  @Test
  void furtherPagesOfTheArchiveAndTheHomeListExistAsFarAsTheyReach() throws Exception {
    new MiniSite(dir)
        .file("opsbook.yaml", "title: t\nhome_articles: 1\npagination:\n  page_size: 1\n")
        .article("one", "", "Text.\n")
        .article("two", "", "[a2](../../archive/page/2/) [a3](../../archive/page/3/) [h2](../../page/2/) [h3](/page/3/)\n");
    assertEquals(List.of(
        "two/index.md:5:34 link to '../../archive/page/3/' points at archive/page/3/, a page the site does not have:"
            + " the archive has 2 pages | link to the list's first page; its further pages change as articles are added",
        "two/index.md:5:82 link to '/page/3/' points at page/3/, a page the site does not have: the home list has 2"
            + " pages | link to the list's first page; its further pages change as articles are added"),
        SiteFindings.of(dir, RULE, false));

    new MiniSite(dir).file("opsbook.yaml", "title: t\n");
    assertEquals(List.of(
        "two/index.md:5:6 link to '../../archive/page/2/' points at archive/page/2/, a page the site does not have:"
            + " the archive has one page | link to the list's first page; its further pages change as articles are added",
        "two/index.md:5:34 link to '../../archive/page/3/' points at archive/page/3/, a page the site does not have:"
            + " the archive has one page | link to the list's first page; its further pages change as articles are added",
        "two/index.md:5:62 link to '../../page/2/' points at page/2/, a page the site does not have: the home list has"
            + " one page | link to the list's first page; its further pages change as articles are added",
        "two/index.md:5:82 link to '/page/3/' points at page/3/, a page the site does not have: the home list has one"
            + " page | link to the list's first page; its further pages change as articles are added"),
        SiteFindings.of(dir, RULE, false));
  }

  @Test
  void aMaintenancePageAndItsServerConfigsMayBeLinkedTo() throws Exception {
    new MiniSite(dir)
        .file("content/maintenance/upgrade.md",
            Files.readString(Project.root().resolve("content/maintenance/upgrade.md")))
        .article("links", "", "[page](../../maintenance/upgrade/) [haproxy](../../maintenance/upgrade/haproxy.cfg)"
            + " [other](../../maintenance/other/)\n");
    assertEquals(List.of("links/index.md:5:93 link to '../../maintenance/other/' points at no article or page"
            + " | link to another article as ../<slug>/ or ../<slug>/index.md"),
        SiteFindings.of(dir, RULE, false));
  }
}
