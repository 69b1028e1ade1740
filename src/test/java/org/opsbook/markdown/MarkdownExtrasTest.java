package org.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.opsbook.testing.Golden;

/** The Markdown people write on GitHub and in MkDocs renders as they expect. */
class MarkdownExtrasTest {
  private static final MarkdownPipeline PIPELINE = new MarkdownPipeline();

  private static Element html(String markdown) {
    MarkdownDocument document = PIPELINE.parse(markdown, "content/x.md", 1);
    return Jsoup.parseBodyFragment(document.render(List.of(), Map.of())).body();
  }

  @Test
  void gitHubAlertsBecomeAdmonitionsWithoutTheirMarkerLine() {
    Element body = html("> [!WARNING]\n> Reload, do not restart: **sessions** survive a reload.\n\n> [!tip]\n> Lower case works too.\n");
    Element warning = body.selectFirst("div.admonition.admonition-warning[role=note]");
    assertNotNull(warning, body.html());
    assertEquals("Warning", warning.selectFirst(".admonition-title").text());
    assertEquals("Reload, do not restart: sessions survive a reload.", warning.select("p").get(1).text());
    assertFalse(body.text().contains("[!WARNING]"), body.html());
    assertNotNull(body.selectFirst("div.admonition-tip"));
    assertTrue(body.select("blockquote").isEmpty());
  }

  @Test
  void aQuoteWhoseFirstLineSaysMoreThanTheMarkerStaysAQuote() {
    Element body = html("> [!NOTE] and some words\n> more\n\n> [!NOPE]\n> x\n");
    assertEquals(2, body.select("blockquote").size(), body.html());
    assertTrue(body.select(".admonition").isEmpty());
  }

  @Test
  void bangAdmonitionsTakeATitleAndQuestionMarksCollapse() {
    Element body = html("!!! danger \"Do not flush in production\"\n    `iptables -F` with a DROP policy locks you out.\n\n"
        + "??? note\n    Hidden until opened.\n\n???+ example \"Open by default\"\n    Shown.\n\n!!! info \"\"\n    No title.\n");
    Element danger = body.selectFirst("div.admonition-danger");
    assertEquals("Do not flush in production", danger.selectFirst(".admonition-title").text());
    assertEquals("iptables -F with a DROP policy locks you out.", danger.select("p").get(1).text());
    Element collapsed = body.selectFirst("details.admonition-note");
    assertFalse(collapsed.hasAttr("open"));
    assertEquals("Note", collapsed.selectFirst("summary").text());
    assertTrue(body.selectFirst("details.admonition-example").hasAttr("open"));
    assertTrue(body.selectFirst("div.admonition-info").select(".admonition-title").isEmpty());
  }

  @Test
  void footnotesAndDefinitionListsRender() {
    Element body = html("sshd reads the first value[^first].\n\n[^first]: sshd_config(5).\n\nMatch\n: starts a conditional block\n");
    Element ref = body.selectFirst("sup a.footnote-ref");
    assertNotNull(ref, body.html());
    Element note = body.selectFirst(ref.attr("href"));
    assertNotNull(note, "the reference leads to its note");
    assertTrue(note.text().startsWith("sshd_config(5)."));
    assertEquals("Match", body.selectFirst("dl dt").text());
    assertEquals("starts a conditional block", body.selectFirst("dl dd").text());
  }

  @Test
  void everyHeadingHasAPermalinkToItsOwnId() {
    Element body = html("## Reload, not restart\n\nText.\n\n### `Match` blocks\n");
    Element h2 = body.selectFirst("h2");
    assertEquals("reload-not-restart", h2.id());
    Element anchor = h2.selectFirst("a.heading-anchor");
    assertEquals("#reload-not-restart", anchor.attr("href"));
    assertEquals("Link to this section: Reload, not restart", anchor.attr("aria-label"));
    assertEquals("#" + body.selectFirst("h3").id(), body.selectFirst("h3 a.heading-anchor").attr("href"));
  }

  /**
   * Headings in every container, with ids to escape, repeated and empty: the golden file holds the
   * HTML flexmark's writer made when it still wrote the heading tags.
   */
  @Test
  void headingsAreWrittenAsFlexmarksWriterWroteThem() {
    String[] docs = {
        "# Title\n\ntext\n\n## A & B \"quoted\" <x>\n",
        "- # in a list\n- plain\n\n1. ## ordered\n\n   para\n",
        "> ### in a quote\n> text\n",
        "!!! note \"T\"\n    #### in an admonition\n",
        "Setext\n======\n\nSub\n---\n",
        "#\n\n# \n\n##### `code` and *em* and [link](/x/)\n",
        "# Caf\u00e9 \u00fcber na\u00efve\n\n# Caf\u00e9 \u00fcber na\u00efve\n",
        "- a\n\n  # loose item heading\n\n- b\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n# after table\n",
        "# heading with trailing #s ##\n###### six\n####### seven\n",
    };
    StringBuilder out = new StringBuilder();
    for (String doc : docs) {
      out.append("=====\n").append(doc).append("-----\n").append(PIPELINE.toHtml(doc)).append('\n');
    }
    Golden.assertMatches("org/opsbook/markdown/headings.expected", out.toString());
  }

  @Test
  void shortInlineCodeIsNeverSplitButLongCodeMayWrap() {
    Element body = html("Run `sshd -T` with `-C` to get `without-password`, or "
        + "`iptables -A INPUT -p tcp --dport 22 -j ACCEPT` and `/etc/ssh/sshd_config.d/10-hardening-for-bastions.conf`.\n");
    List<String> marked = body.select("code").stream().map(c -> c.text() + (c.hasClass("nowrap") ? " nowrap" : "")).toList();
    assertEquals(List.of("sshd -T", "-C nowrap", "without-password nowrap", "iptables -A INPUT -p tcp --dport 22 -j ACCEPT",
        "/etc/ssh/sshd_config.d/10-hardening-for-bastions.conf"), marked);
    assertEquals("<code>a &lt;b&gt; &amp; c</code>", html("`a <b> & c`").selectFirst("code").outerHtml());
  }
}
