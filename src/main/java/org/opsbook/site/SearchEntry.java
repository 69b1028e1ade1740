package org.opsbook.site;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opsbook.markdown.TextSection;

/**
 * One article in the client-side search index, cut into terms and serialised when the article is
 * processed: that work then runs in parallel, is kept with the article by incremental builds, and
 * the site-wide index only merges (see {@link SearchIndexFile}). Holding bytes rather than the
 * article's text also keeps a large site's memory down until the index is written.
 */
public final class SearchEntry {
  /** No terms and no document: for what the index never shows. */
  static final SearchEntry NONE = new SearchEntry(KeptBytes.EMPTY, KeptBytes.EMPTY);

  private static final JsonFactory JSON = new JsonFactory();

  // A large site holds every entry until the index is written, so the terms are packed into one
  // array, in sorted order: per term its code (one byte, at most 255), its UTF-8 bytes and a space,
  // which a term never holds. That is a fraction of one string per term.
  private final KeptBytes terms;
  private final KeptBytes document;

  private SearchEntry(KeptBytes terms, KeptBytes document) {
    this.terms = terms;
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
   * @param kept where the entry waits until the index is written
   */
  public static SearchEntry of(String title, String url, String summary, List<String> tags, List<String> headings,
      String words, List<TextSection> sections, KeptBytes.Store kept) {
    TermTally tally = new TermTally();
    tally.add(title, SearchIndexFile.TITLE);
    headings.forEach(h -> tally.add(h, SearchIndexFile.HEADING));
    tags.forEach(t -> tally.add(t, SearchIndexFile.TAG));
    tally.add(summary, SearchIndexFile.BODY);
    tally.add(words, SearchIndexFile.BODY);
    sections.forEach(s -> tally.add(s.text(), SearchIndexFile.BODY));
    return new SearchEntry(kept.keep(tally.packed()), kept.keep(document(title, url, summary, sections)));
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

  /** A walk over the terms in sorted order, each with its code. */
  Walk walk() {
    return new Walk(terms.bytes());
  }

  /** The article's document file, in UTF-8; callers only write it out. */
  byte[] document() {
    return document.bytes();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchEntry e && terms.equals(e.terms) && document.equals(e.document);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  /** Steps through an entry's terms; {@link #term()} is {@code null} past the last. */
  static final class Walk {
    private final byte[] packed;
    private int next;
    private String term;
    private int code;

    private Walk(byte[] packed) {
      this.packed = packed;
      step();
    }

    /** The current term, or {@code null} when the walk is over. */
    String term() {
      return term;
    }

    /** The current term's code: 16 × fields + body count (capped at 15). */
    int code() {
      return code;
    }

    /** Moves to the next term. */
    void step() {
      if (next >= packed.length) {
        term = null;
        return;
      }
      code = packed[next] & 0xFF;
      int end = next + 1;
      while (packed[end] != ' ') {
        end++;
      }
      term = new String(packed, next + 1, end - next - 1, StandardCharsets.UTF_8);
      next = end + 1;
    }
  }
}
