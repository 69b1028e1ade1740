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
    String html = PageDecorator.overlay(with(List.of(d)), null);
    assertTrue(html.contains("bad value &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), html);
    assertFalse(html.contains("<script>alert"));
    assertTrue(html.contains("opsbook: 1 error, 0 warnings"));
  }

  @Test
  void listsThisPagesFindingsInFullAndOnlyAFewFromElsewhere() {
    List<Diagnostic> all = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      all.add(Diagnostic.warning(new SourceSpan("content/articles/a/index.md", i, 1), "sshd.permit-root-login", "mine " + i));
      all.add(Diagnostic.warning(new SourceSpan("content/articles/b/index.md", i, 1), "sshd.permit-root-login", "theirs " + i));
    }
    all.add(Diagnostic.error(new SourceSpan("content/articles/z/index.md", 99, 1), "sshd.unknown-keyword", "typo elsewhere"));
    String html = PageDecorator.decorate("<body></body>", with(all), "articles/a/");
    assertEquals(30, html.split("mine ", -1).length - 1, "every finding of this page's file");
    assertTrue(html.contains("typo elsewhere"), "errors elsewhere come first among the others");
    assertEquals(PageDecorator.OTHERS_SHOWN - 1, html.split("theirs ", -1).length - 1);
    assertTrue(html.contains("and 21 more in other files; the terminal lists them all."), html);
    assertTrue(html.contains("opsbook: 1 error, 60 warnings"));
  }

  @Test
  void cleanBuildHasNoOverlay() {
    assertEquals("", PageDecorator.overlay(CLEAN, null));
  }
}
