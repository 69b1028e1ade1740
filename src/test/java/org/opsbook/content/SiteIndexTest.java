package org.opsbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteIndexTest {
  private final SiteIndex index = new SiteIndex(Set.of("articles/a/", "articles/b/", "about/"),
      Set.of("articles/a/diagram.png", "files/key.pub"));

  @Test
  void resolvesDirectoryAndMarkdownFormsOfArticleLinks() {
    assertEquals("articles/b/", index.resolve("articles/a/index.md", "../b/").orElseThrow().sitePath());
    assertEquals("articles/b/", index.resolve("articles/a/index.md", "../b/index.md").orElseThrow().sitePath());
    assertEquals("about/", index.resolve("articles/a/index.md", "../../about.md").orElseThrow().sitePath());
  }

  @Test
  void keepsFragments() {
    SiteIndex.Target t = index.resolve("articles/a/index.md", "../b/#setup").orElseThrow();
    assertEquals("#setup", t.suffix());
    assertTrue(t.exists());
  }

  @Test
  void findsImagesBesideTheArticle() {
    assertEquals(SiteIndex.TargetKind.FILE, index.resolve("articles/a/index.md", "diagram.png").orElseThrow().kind());
    assertEquals(SiteIndex.TargetKind.MISSING_FILE,
        index.resolve("articles/a/index.md", "missing.png").orElseThrow().kind());
  }

  @Test
  void aRulePageExistsOnlyForARuleThatExists() {
    SiteIndex withRules = new SiteIndex(Set.of("articles/a/"), Set.of(), Set.of("rules/sshd.weak-mac/"));
    assertEquals(SiteIndex.TargetKind.PAGE, withRules.resolve("articles/a/index.md", "/rules/sshd.weak-mac/").orElseThrow().kind());
    assertEquals(SiteIndex.TargetKind.PAGE, withRules.resolve("articles/a/index.md", "../../rules/").orElseThrow().kind());
    assertEquals(SiteIndex.TargetKind.MISSING_PAGE,
        withRules.resolve("articles/a/index.md", "/rules/sshd.weak-mack/").orElseThrow().kind(), "a misspelt rule");
    assertEquals(SiteIndex.TargetKind.MISSING_PAGE,
        index.resolve("articles/a/index.md", "/rules/sshd.weak-mac/").orElseThrow().kind(), "an index without rules");
  }

  @Test
  void reportsMissingArticles() {
    assertEquals(SiteIndex.TargetKind.MISSING_PAGE, index.resolve("articles/a/index.md", "../c/").orElseThrow().kind());
  }

  @Test
  void aPathAboveTheContentFolderIsOutsideNotMissing() {
    assertEquals(SiteIndex.TargetKind.OUTSIDE,
        index.resolve("articles/a/index.md", "../../../../etc/").orElseThrow().kind());
    assertEquals(SiteIndex.TargetKind.OUTSIDE,
        index.resolve("articles/a/index.md", "../../../etc/passwd").orElseThrow().kind());
    assertEquals(SiteIndex.TargetKind.MISSING_FILE,
        index.resolve("articles/a/index.md", "../../passwd.txt").orElseThrow().kind(), "the content folder itself");
  }

  @Test
  void leavesExternalLinksAndAnchorsAlone() {
    assertTrue(index.resolve("articles/a/index.md", "https://example.org/").isEmpty());
    assertTrue(index.resolve("articles/a/index.md", "mailto:ops@example.org").isEmpty());
    assertTrue(index.resolve("articles/a/index.md", "#top").isEmpty());
    assertTrue(index.resolve("articles/a/index.md", "//cdn.example.org/x.js").isEmpty());
  }

  @Test
  void acceptsSiteAbsoluteLinksToGeneratedPages() {
    assertTrue(index.resolve("articles/a/index.md", "/tags/").orElseThrow().exists());
    assertTrue(index.resolve("articles/a/index.md", "/feed.xml").orElseThrow().exists());
    assertTrue(index.resolve("articles/a/index.md", "/files/key.pub").orElseThrow().exists());
  }
}
