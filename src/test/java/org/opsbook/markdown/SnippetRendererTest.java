package org.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.Snippet;
import org.opsbook.check.TokenKind;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

class SnippetRendererTest {
  @Test
  void escapesSnippetTextAlways() {
    Snippet s = Snippet.of("toy", "<script>alert(1)</script> & \"x\"\n", "a.md", Map.of());
    String html = SnippetRenderer.render(new SnippetView(s, "snippet-1", List.of(), "ok", "toy · checked", null, null,
        null, new TreeMap<>(), SnippetView.noMarks()));
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
  }

  @Test
  void highlightTokensSpanningLinesAreSplitPerLine() {
    Snippet s = Snippet.of("toy", "ab\ncd\n", "a.md", Map.of());
    String html = SnippetRenderer.render(new SnippetView(s, "s", List.of(new HighlightToken(1, 4, TokenKind.STRING)),
        "ok", "b", null, null, null, new TreeMap<>(), SnippetView.noMarks()));
    assertTrue(html.contains("<span class=\"line\">a<span class=\"tok-string\">b</span></span>"), html);
    assertTrue(html.contains("<span class=\"line\"><span class=\"tok-string\">c</span>d</span>"), html);
  }

  @Test
  void inlineDiagnosticsFollowTheirLine() {
    Snippet s = Snippet.of("toy", "a\nbad\n", "a.md", Map.of());
    TreeMap<Integer, List<Diagnostic>> inline = new TreeMap<>();
    inline.put(2, List.of(Diagnostic.error(new SourceSpan("a.md", 2, 1), "toy.bad", "no <bad>")));
    String html = SnippetRenderer.render(new SnippetView(s, "s", List.of(), "error", "b", null, null, null, inline,
        SnippetView.noMarks()));
    int line = html.indexOf("has-error\">bad</span>");
    int diag = html.indexOf("diag diag-error");
    assertTrue(line > 0 && diag > line, html);
    assertTrue(html.contains("error: no &lt;bad&gt; [toy.bad]"));
  }

  @Test
  void downloadLinkUsesTheFileName() {
    Snippet s = Snippet.of("toy", "a\n", "a.md", Map.of("file", "/etc/ssh/sshd_config"));
    String html = SnippetRenderer.render(new SnippetView(s, "s", List.of(), "ok", "b", "/x/1-sshd_config",
        "sshd_config", null, new TreeMap<>(), SnippetView.noMarks()));
    assertTrue(html.contains("<span class=\"snippet-file\">/etc/ssh/sshd_config</span>"));
    assertTrue(html.contains("download=\"sshd_config\""));
    assertEquals(1, html.split("<figure", -1).length - 1);
  }
}
