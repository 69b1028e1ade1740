package org.opsbook.maintenance;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * CommonMark to HTML with flexmark and no extensions, for the few paragraphs of a maintenance
 * page. Used by {@code opsbook maintenance} until the site's Markdown pipeline is passed in
 * instead. Parser and renderer are immutable and thread-safe once built.
 */
public final class PlainMarkdown implements MarkdownRenderer {
  private final Parser parser;
  private final HtmlRenderer renderer;

  public PlainMarkdown() {
    MutableDataSet options = new MutableDataSet();
    this.parser = Parser.builder(options).build();
    this.renderer = HtmlRenderer.builder(options).build();
  }

  @Override
  public String toHtml(String markdown) {
    return renderer.render(parser.parse(markdown));
  }
}
