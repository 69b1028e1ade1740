package org.opsbook.maintenance;

import org.opsbook.markdown.MarkdownPipeline;

/**
 * The site's own Markdown pipeline, for the body of a maintenance page: the same extensions and
 * heading ids as articles. A maintenance page has no checked snippets and no links to rewrite, so
 * fenced blocks are rendered as plain code. Thread-safe, as the pipeline is.
 */
public final class SiteMarkdown implements MarkdownRenderer {
  private final MarkdownPipeline pipeline;

  public SiteMarkdown() {
    this(new MarkdownPipeline());
  }

  public SiteMarkdown(MarkdownPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public String toHtml(String markdown) {
    return pipeline.toHtml(markdown);
  }
}
