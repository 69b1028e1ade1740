package org.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.opsbook.content.SiteIndex;
import org.opsbook.diag.Diagnostic;

class MarkdownLinksFuzzTest {
  private static final MarkdownPipeline MARKDOWN = new MarkdownPipeline();
  private static final SiteIndex INDEX = new SiteIndex(Set.of("articles/a/", "articles/b/", "about/"),
      Set.of("articles/a/dmz.png", "robots.txt"));

  /**
   * Any Markdown parses, has its links, images and anchors resolved and checked, and renders,
   * with every diagnostic inside the file; and whatever it says, the page never carries a
   * javascript:, vbscript: or data: URL.
   */
  @FuzzTest(maxDuration = "30s")
  void resolvesAndRendersAnyMarkdownWithoutAForbiddenUrl(byte[] data) {
    String body = new String(data, StandardCharsets.UTF_8);
    MarkdownDocument document = MARKDOWN.parse(body, "content/articles/a/index.md", 5);
    List<Diagnostic> found = new ArrayList<>(document.checkSafety(RawHtml.ALLOW));
    LinkCheck.Result links = document.checkLinks(INDEX::resolve, "articles/a/index.md", "/docs/");
    found.addAll(links.diagnostics());
    document.toc();
    int last = 5 + (int) body.chars().filter(c -> c == '\n').count();
    for (Diagnostic d : found) {
      assertTrue(d.where().line() >= 5 && d.where().line() <= last, d.toString());
    }
    String html = document.render(List.of(), new TreeMap<>(links.rewrites()));
    for (Element e : Jsoup.parseBodyFragment(html).getAllElements()) {
      for (Attribute a : e.attributes()) {
        String key = a.getKey();
        if (key.equals("href") || key.equals("src") || key.equals("action") || key.equals("formaction")) {
          assertTrue(UrlSafety.forbiddenScheme(a.getValue()).isEmpty(), "<" + e.tagName() + " " + key + "=" + a.getValue()
              + "> in " + html);
        }
      }
    }
  }

}
