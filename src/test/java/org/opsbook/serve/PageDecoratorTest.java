package org.opsbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

class PageDecoratorTest {
  private static final BuildState CLEAN = new BuildState(Optional.empty(), List.of(), false, 1, Map.of());

  private static BuildState with(List<Diagnostic> diagnostics) {
    return new BuildState(Optional.empty(), diagnostics, false, 2, Map.of("articles/a/", "content/articles/a/index.md"));
  }

  @Test
  void insertsTheScriptJustBeforeTheClosingBodyTag() {
    assertEquals("<html><body><p>x</p>" + PageDecorator.SCRIPT_TAG + "\n</BODY></html>",
        PageDecorator.decorate("<html><body><p>x</p></BODY></html>", CLEAN, ""));
  }

  @Test
  void appendsTheScriptWhenThePageHasNoBodyTag() {
    assertEquals("<p>x</p>" + PageDecorator.SCRIPT_TAG + "\n", PageDecorator.decorate("<p>x</p>", CLEAN, ""));
  }

  @Test
  void overlayEscapesWhatAuthorsWrote() {
    Diagnostic d = Diagnostic.error(new SourceSpan("content/a.md", 3, 1), "opsbook.front-matter",
        "bad value <script>alert(1)</script> & more");
    for (String html : List.of(PageDecorator.overlay(with(List.of(d)), "content/a.md"), PageDecorator.problemsPage(with(List.of(d))))) {
      assertTrue(html.contains("bad value &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), html);
      assertFalse(html.contains("<script>alert"));
      assertTrue(html.contains("1 error, 0 warnings"));
    }
  }

  @Test
  void listsOnlyThisPagesFindingsAndCountsTheRestWithALinkToAllProblems() {
    List<Diagnostic> all = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      all.add(Diagnostic.warning(new SourceSpan("content/articles/a/index.md", i, 1), "sshd.permit-root-login", "mine " + i));
      all.add(Diagnostic.warning(new SourceSpan("content/articles/b/index.md", i, 1), "sshd.permit-root-login", "theirs " + i));
    }
    all.add(Diagnostic.error(new SourceSpan("content/articles/z/index.md", 99, 1), "sshd.unknown-keyword", "typo elsewhere"));
    String html = PageDecorator.decorate("<body></body>", with(all), "articles/a/");
    assertEquals(30, html.split("mine ", -1).length - 1, "every finding of this page's file");
    assertFalse(html.contains("theirs ") || html.contains("typo elsewhere"), "nothing from other pages: " + html);
    assertTrue(html.contains("this page 0 errors, 30 warnings &middot; whole site: 1 error, 60 warnings"), html);
    assertTrue(html.contains("<a href=\"" + PageDecorator.PROBLEMS_PATH + "\""), html);
    assertTrue(html.contains("<details id=\"opsbook-overlay\" open"), "open: this page has findings");
  }

  @Test
  void aPageWithoutFindingsGetsOnlyAFoldedBar() {
    Diagnostic note = Diagnostic.info(new SourceSpan("content/articles/b/index.md", 3, 1), "sshd.include-not-followed", "a note");
    String html = PageDecorator.decorate("<body></body>", with(List.of(note)), "articles/a/");
    assertTrue(html.contains("<details id=\"opsbook-overlay\" style="), "folded, not open: " + html);
    assertFalse(html.contains("a note") || html.contains("role=\"alert\""), html);
    assertTrue(html.contains("this page is clean &middot; site: 0 errors, 0 warnings, 1 note"), html);
  }

  @Test
  void theProblemsPageListsEveryFindingByFileErrorsFirst() {
    List<Diagnostic> all = List.of(
        Diagnostic.warning(new SourceSpan("content/articles/a/index.md", 4, 1), "sshd.permit-root-login", "warned"),
        Diagnostic.error(new SourceSpan("content/articles/b/index.md", 9, 2), "sshd.unknown-keyword", "broken <here>"));
    String html = PageDecorator.problemsPage(with(all));
    int b = html.indexOf("content/articles/b/index.md &middot; 1 error");
    int a = html.indexOf("content/articles/a/index.md &middot; 0 errors, 1 warning");
    assertTrue(b > 0 && a > b, html);
    assertTrue(html.contains("broken &lt;here&gt;") && html.contains("warned"), html);
    assertTrue(PageDecorator.problemsPage(CLEAN).contains("None"));
  }

  @Test
  void cleanBuildHasNoOverlay() {
    assertEquals("", PageDecorator.overlay(CLEAN, null));
  }
}
