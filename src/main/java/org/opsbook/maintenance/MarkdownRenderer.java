package org.opsbook.maintenance;

/** Turns the Markdown body of a maintenance page into HTML. Must be thread-safe. */
@FunctionalInterface
public interface MarkdownRenderer {
  String toHtml(String markdown);
}
