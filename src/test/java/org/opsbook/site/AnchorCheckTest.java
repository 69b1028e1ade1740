package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.testing.MiniSite;

/** A link's #fragment must name a heading or anchor of the page it leads to. */
class AnchorCheckTest {
  @TempDir Path dir;

  private List<String> anchorErrors() throws Exception {
    return SiteFindings.of(dir, "opsbook.broken-anchor", false);
  }

  @Test
  void aFragmentNamingNoHeadingOfAnotherArticleIsAnErrorAtTheLinkWithTheNearestId() throws Exception {
    new MiniSite(dir)
        .article("sshd", "", "## Reload, not restart\n\nText.\n\n## Match blocks\n")
        .article("links", "", "See [reload](../sshd/index.md#reload-not-restart).\n\n"
            + "And [typo](../sshd/#reload-no-restart) and [gone](../sshd/index.md#no-such-section).\n");
    assertEquals(List.of(
        "links/index.md:7:12 link to '../sshd/#reload-no-restart': content/articles/sshd/index.md has no heading or"
            + " anchor 'reload-no-restart' | did you mean #reload-not-restart?",
        "links/index.md:7:51 link to '../sshd/index.md#no-such-section': content/articles/sshd/index.md has no"
            + " heading or anchor 'no-such-section' | its headings are #reload-not-restart, #match-blocks"),
        anchorErrors());
  }

  @Test
  void inPageFragmentsMayNameHeadingsSnippetsFootnotesAndRawHtmlIds() throws Exception {
    new MiniSite(dir).article("x", "",
        "## Setup\n\n<a id=\"legacy-name\"></a>\n\nA note[^1].\n\n[^1]: the note.\n\n```toy {id=cfg}\nheader\n```\n\n"
            + "[1](#setup) [2](#legacy-name) [3](#snippet-cfg) [4](#fn-1) [5](#top) [6](#Setup) [7](#se%74up)\n");
    assertEquals(List.of("x/index.md:17:74 link to '#Setup': this page has no heading or anchor 'Setup' | did you mean #setup?"),
        anchorErrors());
  }

  @Test
  void linksToOtherSitesAndToGeneratedPagesAreNotCheckedHere() throws Exception {
    new MiniSite(dir).article("x", "", "[a](https://example.org/#nowhere) [b](../../tags/#nowhere) [c](../../archive/#2026)\n");
    assertEquals(List.of(), anchorErrors());
  }
}
