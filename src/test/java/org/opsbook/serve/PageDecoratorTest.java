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
  void findsTheBodyTagAfterTextWhoseLowerCaseIsLonger() {
    // U+0130 lower-cases to two characters, so a position found in a lower-cased copy is off by one.
    String page = "<html><body><p>\u0130stanbul \u0130zmir</p></body><!-- </body -->\n</html>";
    assertEquals("<html><body><p>\u0130stanbul \u0130zmir</p>" + PageDecorator.SCRIPT_TAG + "\n</body><!-- </body -->\n</html>",
        PageDecorator.decorate(page, CLEAN, ""));
  }

  @Test
  void aPageListsItsFindingsInTheBuildsOrderAmongOtherFiles() {
    List<Diagnostic> all = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      String file = "content/articles/" + (char) ('a' + i % 5) + "/index.md";
      all.add(i % 7 == 0 ? Diagnostic.error(new SourceSpan(file, i, 1), "sshd.unknown-keyword", "finding " + i + ";")
          : Diagnostic.warning(new SourceSpan(file, i, 1), "sshd.permit-root-login", "finding " + i + ";"));
    }
    BuildState state = with(all);
    String html = PageDecorator.overlay(state, "content/articles/c/index.md");
    List<Integer> shown = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("finding (\\d+);").matcher(html);
    while (m.find()) {
      shown.add(Integer.parseInt(m.group(1)));
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 2; i <= 200; i += 5) {
      expected.add(i);
    }
    assertEquals(expected, shown);
    assertTrue(html.contains("this page 6 errors, 34 warnings &middot; whole site: 28 errors, 172 warnings"), html);
    assertEquals(html, PageDecorator.overlay(state, "content/articles/c/index.md"), "asked again, the same");
    assertTrue(PageDecorator.overlay(state, "content/articles/none/index.md").contains("this page is clean"));
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
