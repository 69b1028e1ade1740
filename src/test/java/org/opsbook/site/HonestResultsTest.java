package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.Checker;
import org.opsbook.report.ExitPolicy;
import org.opsbook.testing.MiniSite;
import org.opsbook.testing.ToyChecker;

/** No badge, count, summary, footer or marker claims a check that did not happen. */
class HonestResultsTest {
  private static final ExitPolicy REPORT_ONLY = new ExitPolicy(false, -1, true);

  @TempDir Path dir;

  private Document build(List<Checker> checkers, String slug, String body) throws Exception {
    new MiniSite(dir).article(slug, "", body);
    BuildResult r = new Build(CheckerRegistry.of(checkers), 1).run(BuildOptions.forProject(dir).withPolicy(REPORT_ONLY));
    assertTrue(r.written(), "a --report-only build writes the site");
    return Jsoup.parse(Files.readString(dir.resolve("site/articles/" + slug + "/index.html")));
  }

  private Document buildToy(String body) throws Exception {
    return build(List.of(new ToyChecker()), "x", body);
  }

  private static Element badge(Document page, int n) {
    return page.select("figure.snippet .badge").get(n);
  }

  @Test
  void aTestBlockForASnippetThatDoesNotExistIsShownAsNotRunAndFailed() throws Exception {
    Document page = buildToy("```test for=nope\nport => 22\n```\n");
    Element b = badge(page, 0);
    assertEquals("tests for nope · not run", b.text());
    assertTrue(b.hasClass("badge-test-fail"), b.outerHtml());
  }

  @Test
  void anUnreadableCaseIsNotCountedAsPassedOnTheBlockOrTheSnippet() throws Exception {
    Document page = buildToy("```toy {id=c}\nheader\nport 22\n```\n\n```test for=c\nport => 22\nno arrow here\n```\n");
    assertEquals("toy · checked · 1 of 2 tests passed", badge(page, 0).text());
    assertTrue(badge(page, 0).hasClass("badge-error"));
    assertEquals("tests for c · 1 passed, 1 unreadable", badge(page, 1).text());
    assertTrue(badge(page, 1).hasClass("badge-test-fail"));
  }

  @Test
  void casesThatRanAndPassedAreTheOnlyOnesCalledPassed() throws Exception {
    Document page = buildToy("```toy {id=c}\nheader\nport 22\n```\n\n```test for=c\nport => 22\n```\n");
    assertEquals("toy · checked · 1 test passed", badge(page, 0).text());
    assertEquals("tests for c · 1 passed", badge(page, 1).text());
    assertTrue(badge(page, 1).hasClass("badge-test-pass"));
  }

  @Test
  void anEmptyTestBlockClaimsNothing() throws Exception {
    Document page = buildToy("```toy {id=c}\nheader\n```\n\n```test for=c\n```\n");
    assertEquals("tests for c · no test cases", badge(page, 1).text());
    assertFalse(badge(page, 1).hasClass("badge-test-pass"));
    assertEquals("toy · checked", badge(page, 0).text());
  }

  @Test
  void casesAgainstASnippetWithErrorsAreNotRunAndSaySo() throws Exception {
    Document page = build(CheckerRegistry.load().checkers(), "fw",
        "```iptables-save {id=s host=eth0:10.0.0.5}\n*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\n"
            + "-A INPUT --no-such-option 1 -j ACCEPT\nCOMMIT\n```\n\n"
            + "```test for=s\ntcp 198.51.100.7:50000 -> 10.0.0.5:22 in=eth0 state=NEW => ACCEPT\n```\n");
    assertEquals("tests for s · 0 passed, 1 not run", badge(page, 1).text());
    assertTrue(badge(page, 1).hasClass("badge-test-fail"));
    assertTrue(badge(page, 0).text().endsWith("· 0 of 1 tests passed"), badge(page, 0).text());
  }

  @Test
  void aSnippetNoCheckerReadsIsBadgedNotChecked() throws Exception {
    Document page = buildToy("```shell\nsystemctl reload sshd\n```\n\n```toy {check=off}\nbad 1\n```\n");
    assertEquals("shell · not checked", badge(page, 0).text());
    assertTrue(badge(page, 0).hasClass("badge-unchecked"));
    assertEquals("toy · not checked (check=off)", badge(page, 1).text());
  }

  @Test
  void theHeaderOfAPageWithErrorsSaysSoAndCountsOnlyPassedTests() throws Exception {
    Document page = buildToy("```toy {id=c}\nheader\nbad 1\nport 22\n```\n\n```test for=c\nport => 22\nport => 23\n```\n");
    String meta = page.selectFirst(".article-header .meta-checks").text();
    assertEquals("1 checked snippet, 2 errors, 1 of 2 tests passed", meta);
    assertTrue(page.select(".article-header .meta-checked").isEmpty(), "nothing in the header is shown as passed");
  }

  @Test
  void theFooterClaimsEverySnippetCheckedOnlyWhenEveryOneWas() throws Exception {
    Document mixed = buildToy("```toy\nheader\n```\n\n```nginx-unknown\nlisten 80;\n```\n");
    String footer = mixed.selectFirst(".site-footer").text();
    assertFalse(footer.contains("every snippet"), footer);
    assertTrue(footer.contains("1 of 2 snippets on this page were checked at build time; 1 is in a language opsbook"
        + " does not check, or marked check=off."), footer);

    new MiniSite(dir).article("x", "", "```toy\nheader\n```\n");
    new Build(CheckerRegistry.of(List.of(new ToyChecker())), 1).run(BuildOptions.forProject(dir));
    String clean = Jsoup.parse(Files.readString(dir.resolve("site/articles/x/index.html"))).selectFirst(".site-footer").text();
    assertTrue(clean.contains("every snippet on this page was checked at build time."), clean);
  }

  @Test
  void theHomePageCountsCheckedAndUncheckedSnippetsSeparately() throws Exception {
    buildToy("```toy {id=c}\nheader\nport 22\n```\n\n```shell\nls\n```\n\n```test for=c\nport => 22\n```\n");
    Document home = Jsoup.parse(Files.readString(dir.resolve("site/index.html")));
    assertEquals("1 article · 1 checked snippet, 1 not checked, 1 test passed, at build time",
        home.selectFirst(".hero .stats").text());
  }

  @Test
  void aReportOnlyBuildWithErrorsWritesAMarkerThatSaysItDidNotPass() throws Exception {
    buildToy("```toy\nheader\nbad 1\n```\n");
    String marker = Files.readString(dir.resolve("site/.opsbook-build.json"));
    assertTrue(marker.startsWith("{\"generator\":\"opsbook\",\"passed\":false,\"errors\":1,"), marker);
    assertTrue(marker.contains("\"reportOnly\":true"), marker);
  }
}
