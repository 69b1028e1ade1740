/**
 * Stage 2, parse: flexmark setup, and what the pipeline takes from a Markdown document — snippets
 * with their positions, headings, links — and how snippets are rendered.
 */
package org.opsbook.markdown;
