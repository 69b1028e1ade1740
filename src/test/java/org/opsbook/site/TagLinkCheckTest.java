package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.MiniSite;
import org.opsbook.testing.ToyChecker;

/** A link to a tag's page must name a tag a published article has. */
class TagLinkCheckTest {
  @TempDir Path dir;

  private List<String> brokenLinks(boolean drafts) throws Exception {
    BuildResult r = new Build(CheckerRegistry.of(List.of(new ToyChecker())), 1)
        .run(BuildOptions.forProject(dir).withWrite(false).withDrafts(drafts));
    return r.report().diagnostics().stream().filter(d -> d.rule().value().equals("opsbook.broken-link"))
        .map(TagLinkCheckTest::describe).toList();
  }

  private static String describe(Diagnostic d) {
    return d.where().file().replaceAll(".*/articles/", "") + ":" + d.where().line() + ":" + d.where().column() + " "
        + d.message() + " | " + d.hintText().orElse("");
  }

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
        brokenLinks(false));
  }

  @Test
  void aTagOnlyADraftHasHasAPageOnlyWhenDraftsAreBuilt() throws Exception {
    new MiniSite(dir)
        .article("wip", "draft: true\ntags: [nginx]\n", "Text.\n")
        .article("links", "", "[n](../../tags/nginx/)\n");
    assertEquals(1, brokenLinks(false).size());
    assertEquals(List.of(), brokenLinks(true));
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
        brokenLinks(false));
  }
}
