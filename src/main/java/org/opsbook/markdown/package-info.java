/**
 * Stage 2, parse: all of flexmark. A {@code MarkdownDocument} gives the rest of the pipeline what
 * it takes from a Markdown body (snippets with their positions, headings, links) and renders it;
 * no flexmark type leaves this package.
 */
package org.opsbook.markdown;
