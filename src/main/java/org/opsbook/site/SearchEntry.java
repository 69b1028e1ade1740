package org.opsbook.site;

import java.util.List;

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
 */
public record SearchEntry(String title, String url, String summary, List<String> tags, List<String> headings, String words) {
  public SearchEntry {
    tags = List.copyOf(tags);
    headings = List.copyOf(headings);
    java.util.Objects.requireNonNull(words);
  }
}
