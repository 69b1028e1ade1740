package org.opsbook.markdown;

/**
 * The reader-visible prose of one section of a document, as plain text (no markup, no code
 * blocks), for the search index.
 *
 * @param anchor the id of the heading that opens the section, empty for the text before the first
 *     heading
 * @param heading that heading's text, empty before the first heading
 * @param text the section's prose, words separated by single spaces
 */
public record TextSection(String anchor, String heading, String text) {
  public TextSection {
    java.util.Objects.requireNonNull(anchor);
    java.util.Objects.requireNonNull(heading);
    java.util.Objects.requireNonNull(text);
  }
}
