package org.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unsafe URLs never reach a page, and base_url is a clean http(s) prefix. */
class UnsafeUrlTest {
  @TempDir Path dir;
  private HostileProject p;

  @BeforeEach
  void project() throws Exception {
    p = HostileProject.create(dir.resolve("project"));
  }

  /** Builds with --report-only (the site is written whatever is found) and returns the page's HTML. */
  private String adoptedPage() throws Exception {
    p.run("build", "--report-only", "-o", "adopted").expect(0);
    return Files.readString(p.path("adopted/articles/second/index.html"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
      "&#x6A;&#x61;vascript:alert(1)", "javascript&colon;alert(1)", "java&#9;script:alert(1)", "java&#10;script:alert(1)",
      "&#1;javascript:alert(1)", "<javascript:alert(1)>", "vbscript:msgbox(1)", "VBScript:msgbox(1)",
      "data:text/html,<script>alert(1)</script>", "DATA:text/html;base64,PHNjcmlwdD4="})
  void aLinkWithAnUnsafeSchemeIsAnErrorAtTheLinkAndLeavesThePage(String url) throws Exception {
    p.article("second", "Second", "Text before.\n\nSee [here](" + url + ") now.\n");
    String scheme = url.toLowerCase(Locale.ROOT).contains("vbscript") ? "vbscript" : url.toLowerCase(Locale.ROOT)
        .startsWith("data") ? "data" : "javascript";
    int column = url.startsWith("<") ? 13 : 12;
    p.run("build").expect(1, "content/articles/second/index.md:7:" + column + ": error: link with a " + scheme
        + ": URL; it is removed from the page [opsbook.unsafe-url]");
    p.assertPreviousSiteSurvived();
    String page = adoptedPage().toLowerCase(Locale.ROOT);
    assertFalse(page.contains("href=\"javascript") || page.contains("href=\"vbscript") || page.contains("href=\"data:"), page);
  }

  @Test
  void anImageFromADataUrlOrAnotherHostIsAnError() throws Exception {
    p.article("second", "Second", "![dot](data:image/png;base64,iVBORw0KGgo=)\n\n![pixel](https://tracker.example/p.gif)\n\n"
        + "![cdn](//cdn.example/logo.png)\n\n![ref][r]\n\n[r]: http://cdn.example/x.png\n");
    p.run("build").expect(1, "index.md:5:8: error: image with a data: URL",
        "index.md:7:10: error: image 'https://tracker.example/p.gif' would be loaded from another host",
        "index.md:9:8: error: image '//cdn.example/logo.png'", "index.md:11:1: error: image 'http://cdn.example/x.png'",
        "[opsbook.external-resource]");
    assertFalse(adoptedPage().contains("data:image"));
  }

  @Test
  void rawHtmlThatLoadsFromAnotherHostIsAnError() throws Exception {
    p.article("second", "Second", "<script src=\"https://cdn.example/x.js\"></script>\n\n"
        + "<p style=\"background: url('//cdn.example/bg.png')\">x</p>\n\n<iframe src=\"https://evil.example/\"></iframe>\n");
    p.run("build").expect(1, "index.md:5:1: error: raw HTML <script> would load 'https://cdn.example/x.js'",
        "index.md:7:1: error: raw HTML <p> would load '//cdn.example/bg.png'", "index.md:9:1: error: raw HTML <iframe>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"allow", "escape", "error"})
  void aJavascriptUrlInRawHtmlIsReportedWhateverTheSetting(String mode) throws Exception {
    p.write("opsbook.yaml", "title: Hostile\nmarkdown:\n  raw_html: " + mode + "\n");
    p.article("second", "Second", "<a href=\"&#x6A;avascript:alert(1)\">click</a>\n\n<b>bold</b>\n");
    HostileProject.Run r = p.run("build").expect(1, "index.md:5:1: error: raw HTML <a> has a javascript: URL in href;"
        + " the tag is shown as text [opsbook.unsafe-url]");
    assertTrue(r.all().contains("[opsbook.raw-html]") == mode.equals("error"), r.all());
    String page = adoptedPage();
    assertFalse(page.toLowerCase(Locale.ROOT).contains("href=\"javascript"), page);
    assertTrue(page.contains("&lt;a href=") , "the tag is shown as text");
    assertTrue(page.contains(mode.equals("allow") ? "<b>bold</b>" : "&lt;b&gt;bold&lt;/b&gt;"), page);
  }

  @Test
  void rawHtmlAllowedPassesThroughAndOpsbookCommentsAreNeverRawHtml() throws Exception {
    p.write("opsbook.yaml", "title: Hostile\nmarkdown:\n  raw_html: error\n");
    p.article("second", "Second", "<!-- opsbook: file=/etc/ssh/sshd_config fragment -->\n```sshd_config\nPermitRootLogin no\n```\n");
    p.run("build").expect(0);
    p.write("opsbook.yaml", "title: Hostile\nmarkdown:\n  raw_html: sometimes\n");
    p.run("build").expect(2, "opsbook.yaml:3:3: error: load: markdown.raw_html 'sometimes' is not one of allow, escape, error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.org//docs/", "https://example.org/a/../b/", "/docs/", "ftp://example.org/",
      "javascript:alert(1)", "https://user:secret@example.org/", "https://example.org/?x=1", "https:///docs/", "docs.example.org"})
  void aBadBaseUrlIsAConfigurationError(String url) throws Exception {
    p.write("opsbook.yaml", "title: Hostile\nbase_url: " + url + "\n");
    p.run("build").expect(2, "opsbook.yaml:2:1: error: load: base_url '" + url + "'", "[opsbook.config]");
    p.assertPreviousSiteSurvived();
    p.write("opsbook.yaml", "title: Hostile\n");
    p.run("check", "--base-url", url).expect(2, "--base-url ");
  }
}
