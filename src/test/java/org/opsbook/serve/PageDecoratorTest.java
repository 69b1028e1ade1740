package org.opsbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

class PageDecoratorTest {
  private static final BuildState CLEAN = new BuildState(Optional.empty(), List.of(), false, 1);

  @Test
  void insertsTheScriptJustBeforeTheClosingBodyTag() {
    assertEquals("<html><body><p>x</p>" + PageDecorator.SCRIPT_TAG + "\n</BODY></html>",
        PageDecorator.decorate("<html><body><p>x</p></BODY></html>", CLEAN));
  }

  @Test
  void appendsTheScriptWhenThePageHasNoBodyTag() {
    assertEquals("<p>x</p>" + PageDecorator.SCRIPT_TAG + "\n", PageDecorator.decorate("<p>x</p>", CLEAN));
  }

  @Test
  void overlayEscapesWhatAuthorsWrote() {
    Diagnostic d = Diagnostic.error(new SourceSpan("content/a.md", 3, 1), "opsbook.front-matter",
        "bad value <script>alert(1)</script> & more");
    String html = PageDecorator.overlay(new BuildState(Optional.empty(), List.of(d), true, 2));
    assertTrue(html.contains("bad value &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), html);
    assertFalse(html.contains("<script>alert"));
    assertTrue(html.contains("opsbook: 1 error, 0 warnings"));
  }

  @Test
  void cleanBuildHasNoOverlay() {
    assertEquals("", PageDecorator.overlay(CLEAN));
  }
}
