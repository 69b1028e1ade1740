package org.opsbook.site;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opsbook.markdown.TextSection;

/**
 * One article in the client-side search index, cut into terms and serialised when the article is
 * processed: that work then runs in parallel, is kept with the article by incremental builds, and
 * the site-wide index only merges (see {@link SearchIndexFile}). Holding bytes rather than the
 * article's text also keeps a large site's memory down until the index is written.
 */
public final class SearchEntry {
  private static final JsonFactory JSON = new JsonFactory();

  // The terms in sorted order, packed into one string (a term is letters, digits and underscores)
  // with where each ends: a large site holds thousands of these until the index is written, and
  // one string per article costs a fraction of one per term.
  private final String terms;
  private final int[] ends;
  private final int[] codes;
  private final byte[] document;

  private SearchEntry(String terms, int[] ends, int[] codes, byte[] document) {
    this.terms = terms;
    this.ends = ends;
    this.codes = codes;
    this.document = document;
  }

  /**
   * Indexes one article.
   *
   * @param title the title
   * @param url its site URL
   * @param summary the summary
   * @param tags its tags
   * @param headings its section headings
   * @param words distinctive words from its snippets (keywords, options, paths), separated by
   *     single spaces
   * @param sections the prose of its sections as plain text, in document order
   */
  public static SearchEntry of(String title, String url, String summary, List<String> tags, List<String> headings,
      String words, List<TextSection> sections) {
    Map<String, int[]> fields = new HashMap<>();
    mark(fields, title, SearchIndexFile.TITLE);
    headings.forEach(h -> mark(fields, h, SearchIndexFile.HEADING));
    tags.forEach(t -> mark(fields, t, SearchIndexFile.TAG));
    mark(fields, summary, SearchIndexFile.BODY);
    mark(fields, words, SearchIndexFile.BODY);
    sections.forEach(s -> mark(fields, s.text(), SearchIndexFile.BODY));
    StringBuilder terms = new StringBuilder();
    int[] ends = new int[fields.size()];
    int[] codes = new int[fields.size()];
    int i = 0;
    String[] sorted = fields.keySet().toArray(String[]::new);
    Arrays.sort(sorted);
    for (String term : sorted) {
      int[] f = fields.get(term);
      terms.append(term);
      ends[i] = terms.length();
      codes[i] = SearchIndexFile.code(f[0], f[1]);
      i++;
    }
    return new SearchEntry(terms.toString(), ends, codes, document(title, url, summary, sections));
  }

  private static void mark(Map<String, int[]> fields, String text, int field) {
    for (String term : SearchTerms.of(text)) {
      int[] f = fields.computeIfAbsent(term, k -> new int[2]);
      f[0] |= field;
      if (field == SearchIndexFile.BODY) {
        f[1]++;
      }
    }
  }

  /** The article's entry in its {@code search/d/N.json}: what a result shows. */
  private static byte[] document(String title, String url, String summary, List<TextSection> sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("s", summary);
      json.writeStringField("t", title);
      json.writeStringField("u", url);
      json.writeArrayFieldStart("x");
      for (TextSection s : sections) {
        json.writeStartArray();
        json.writeString(s.anchor());
        json.writeString(s.heading());
        json.writeString(s.text());
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** How many distinct terms the article has. */
  int size() {
    return ends.length;
  }

  /** The i-th term, in sorted order. */
  String term(int i) {
    return terms.substring(i == 0 ? 0 : ends[i - 1], ends[i]);
  }

  /** The i-th term's code: 16 × fields + body count (capped at 15). */
  int code(int i) {
    return codes[i];
  }

  /** The article's document file; callers only write it out. */
  byte[] document() {
    return document;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchEntry e && terms.equals(e.terms) && Arrays.equals(ends, e.ends)
        && Arrays.equals(codes, e.codes) && Arrays.equals(document, e.document);
  }

  @Override
  public int hashCode() {
    return terms.hashCode() * 31 + Arrays.hashCode(document);
  }
}
