package org.opsbook.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.maintenance.support.DevTools;
import org.opsbook.maintenance.support.Tools;
import org.opsbook.site.Build;
import org.opsbook.site.BuildOptions;
import org.opsbook.site.BuildResult;
import org.opsbook.testing.MiniSite;

/**
 * The search page in headless Chromium, on a small site built for it: a reader types, sees the
 * articles ranked title, heading, tag, then body, with excerpts whose matched words are marked, and
 * finds articles by a prefix and by a misspelt word.
 */
@Tag("oracle")
class SearchInBrowserTest {
  @TempDir Path dir;

  // Each result as "title | section | excerpt | link", with matched words in [brackets].
  private static final String RESULTS = "JSON.stringify([...document.querySelectorAll('#search-results li')].map(li => {"
      + " const show = e => e ? [...e.childNodes].map(n => n.nodeName === 'MARK' ? '[' + n.textContent + ']'"
      + " : n.nodeType === 3 ? n.textContent : '<' + n.nodeName + '>').join('') : '';"
      + " const a = li.querySelector('h2 a'); return show(a) + ' | ' + show(li.querySelector('.search-section'))"
      + " + ' | ' + show(li.querySelector('.search-excerpt')) + ' | ' + a.getAttribute('href'); }))";

  @Test
  void aReaderFindsArticlesRankedWithHighlightedExcerptsByPrefixAndDespiteATypo() throws Exception {
    Optional<Path> chromium = Tools.find("chromium").or(() -> Tools.find("chromium-browser"));
    Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (.ci/install-tools installs it)");
    MiniSite site = new MiniSite(dir);
    // Articles are numbered in path order and their documents come several to a file: these put
    // articles past the first file.
    for (int i = 0; i < 10; i++) {
      site.article("f-rota-" + i, "", "Week " + i + " of the rota: rota" + i + " covers the pager.\n");
    }
    site
        .file("opsbook.yaml", "title: Searchable\nbase_url: https://search.example.org/\n")
        .article("a-body", "", "Intro about backups.\n\n## Background\n\nThe old sshd on the jump host still takes"
            + " passwords, and `<b>bold</b>` is how the wiki marked it.\n")
        .file("content/articles/b-title/index.md", "---\ntitle: \"Hardening sshd\"\ndate: 2026-02-03\n---\n"
            + "Keys only, from now on.\n")
        .article("c-heading", "", "Plans for the week.\n\n## Restarting sshd safely\n\nKeep a second session open.\n")
        .article("d-tag", "tags: [sshd]\n", "A checklist for the new bastion.\n")
        .file("content/articles/e-postfix/index.md", "---\ntitle: \"A Postfix relay\"\ndate: 2026-02-03\n---\n"
            + "The relay forwards mail for the office.\n");
    BuildResult result = new Build(CheckerRegistry.of(List.of()), 1).run(BuildOptions.forProject(dir));
    assertTrue(result.written(), result.report().diagnostics().toString());
    HttpServer server = LayoutInBrowserTest.serve(dir.resolve("site"));
    try (DevTools browser = DevTools.start(chromium.get(), Files.createDirectories(dir.resolve("profile")), dir.resolve("chromium.log"), true)) {
      browser.call("Page.enable", null);
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      browser.clearEvents();
      browser.call("Page.navigate", DevTools.params().put("url", base + "search/"));
      browser.awaitEvent("Page.loadEventFired", 30_000);
      awaitStatus(browser, "15 articles indexed.");

      browser.evaluate("document.getElementById('search-input').focus()");
      browser.call("Input.insertText", DevTools.params().put("text", "sshd"));
      List<String> sshd = awaitResults(browser, 4);
      assertEquals(List.of(
          "Hardening [sshd] |  | Keys only, from now on. | /articles/b-title/",
          "Article c-heading | § Restarting [sshd] safely | Keep a second session open. | /articles/c-heading/#restarting-sshd-safely",
          "Article d-tag |  | A checklist for the new bastion. | /articles/d-tag/",
          "Article a-body | § Background | The old [sshd] on the jump host still takes passwords, and <b>bold</b> is how the wiki"
              + " marked it. | /articles/a-body/#background"), sshd);
      assertEquals("?q=sshd", browser.evaluate("location.search").asText(), "the query is in the URL, to be shared");

      // A prefix, and a word with one letter missing.
      assertEquals(List.of("[Hardening] sshd |  | Keys only, from now on. | /articles/b-title/"), search(browser, base, "harden"));
      assertEquals("A [Postfix] relay |  | The relay forwards mail for the office. | /articles/e-postfix/",
          search(browser, base, "postfx").get(0));
      assertEquals("Article a-body | § Background | The old sshd on the jump host still takes [passwords], and <b>[bold]</b> is how"
          + " the wiki marked it. | /articles/a-body/#background", search(browser, base, "bold passwrds").get(0));
      assertEquals(0, browser.evaluate("document.querySelectorAll('#search-results b').length").asInt(),
          "text from the index is never parsed as HTML");
      assertEquals(List.of("Article f-rota-7 |  | Week 7 of the rota: [rota7] covers the pager. | /articles/f-rota-7/"),
          search(browser, base, "rota7"), "article 12, the fifth of the second file");
    } finally {
      server.stop(0);
    }
  }

  /** Opens /search/?q=query, as a shared link or the header's box would. */
  private static List<String> search(DevTools browser, String base, String query) throws Exception {
    browser.clearEvents();
    browser.call("Page.navigate", DevTools.params().put("url", base + "search/?q=" + query));
    browser.awaitEvent("Page.loadEventFired", 30_000);
    awaitStatus(browser, "for “" + query + "”");
    return awaitResults(browser, -1);
  }

  private static void awaitStatus(DevTools browser, String part) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    String status = "";
    while (System.currentTimeMillis() < deadline) {
      status = browser.evaluate("document.getElementById('search-status').textContent").asText();
      if (status.contains(part)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("status never said " + part + ": " + status);
  }

  /** Whether there are results and every one has its title and excerpt filled in. */
  private static final String ALL_SHOWN = "(() => { const rows = [...document.querySelectorAll('#search-results li')];"
      + " return rows.length > 0 && rows.every(li => li.getAttribute('data-excerpt') === 'shown'); })()";

  /** The results once every excerpt has arrived; expected < 0 takes however many there are. */
  private static List<String> awaitResults(DevTools browser, int expected) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    List<String> rows = List.of();
    while (System.currentTimeMillis() < deadline) {
      // Each evaluation is a separate round trip: the results are read between two looks that both
      // find every row filled, so a render that starts in between cannot pass half-drawn rows.
      boolean shownBefore = browser.evaluate(ALL_SHOWN).asBoolean();
      rows = new ArrayList<>();
      for (JsonNode row : new com.fasterxml.jackson.databind.ObjectMapper().readTree(browser.evaluate(RESULTS).asText())) {
        rows.add(row.asText());
      }
      boolean shownAfter = browser.evaluate(ALL_SHOWN).asBoolean();
      if (shownBefore && shownAfter && !rows.isEmpty() && (expected < 0 || rows.size() == expected)) {
        return rows;
      }
      Thread.sleep(50);
    }
    return rows;
  }
}
