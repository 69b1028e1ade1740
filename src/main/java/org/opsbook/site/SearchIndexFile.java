package org.opsbook.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code search-index.json}, what the theme's offline search reads: per article its title (t),
 * URL (u), summary (s), tags (g), headings (h) and distinctive snippet words (w), sorted by path.
 */
final class SearchIndexFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SearchIndexFile() {}

  static byte[] json(List<ProcessedArticle> published) {
    ArrayNode array = MAPPER.createArrayNode();
    List<ProcessedArticle> sorted = new ArrayList<>(published);
    sorted.sort(Comparator.comparing(a -> a.article().sitePath()));
    for (ProcessedArticle a : sorted) {
      SearchEntry e = a.search();
      ObjectNode o = array.addObject();
      o.put("t", a.meta().title());
      o.put("u", e.url());
      o.put("s", a.meta().summary());
      e.tags().forEach(o.putArray("g")::add);
      e.headings().forEach(o.putArray("h")::add);
      o.put("w", e.words());
    }
    try {
      return MAPPER.writeValueAsString(array).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
