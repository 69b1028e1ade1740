package org.opsbook.site;

import java.util.List;
import java.util.Objects;
import org.opsbook.markdown.TextSection;

/**
 * One article in the client-side search index.
 *
 * @param title the title
 * @param url its site URL
 * @param summary the summary
 * @param tags its tags
 * @param headings its section headings
 * @param words distinctive words from its snippets (keywords, options, paths), capped, separated
 *     by single spaces
 * @param sections the prose of its sections as plain text, in document order
 */
public record SearchEntry(String title, String url, String summary, List<String> tags, List<String> headings, String words,
    List<TextSection> sections) {
  public SearchEntry {
    Objects.requireNonNull(title);
    Objects.requireNonNull(url);
    Objects.requireNonNull(summary);
    tags = List.copyOf(tags);
    headings = List.copyOf(headings);
    Objects.requireNonNull(words);
    sections = List.copyOf(sections);
  }
}
