package org.opsbook.site;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files the theme's offline search reads, made so that a query loads a small part of them:
 *
 * <ul>
 *   <li>{@code search-index.json}: how many articles there are ({@code count}; articles are
 *       numbered in path order), every term in sorted order ({@code terms}: the client matches
 *       prefixes and typos against it), the shard count and the stop words;
 *   <li>{@code search/p/N.json}: the postings of the terms that hash to shard N: per term a flat
 *       list of pairs (article number minus the previous one, 16 × fields + body count), fields
 *       being title 8, heading 4, tag 2, body 1 and the count capped at 15;
 *   <li>{@code search/d/N.json}: article N's title, URL, summary and the plain text of its
 *       sections with their anchors ({@code x}), fetched only for the results shown.
 * </ul>
 *
 * Each article's terms and document are made with the article ({@link SearchEntry}); this class
 * only merges them. Keys are sorted and numbers derive from the sorted input, so the same site
 * gives the same bytes.
 */
final class SearchIndexFile {
  static final String INDEX = "search-index.json";
  static final int TITLE = 8;
  static final int HEADING = 4;
  static final int TAG = 2;
  static final int BODY = 1;
  // About this many bytes of postings per shard: a one-word query loads one shard of this size.
  private static final int SHARD_BYTES = 48 * 1024;
  private static final JsonFactory JSON = new JsonFactory();

  private SearchIndexFile() {}

  /** Whether the search index writes into the folder of this site path. */
  static boolean owns(String sitePath) {
    return sitePath.startsWith("search/p/") || sitePath.startsWith("search/d/");
  }

  /** A term's code in one article: its fields (bits) and how often the body has it, at most 15. */
  static int code(int fields, int bodyCount) {
    return 16 * fields + Math.min(15, bodyCount);
  }

  /** Every search file by its site path, for articles sorted by path. */
  static SortedMap<String, byte[]> files(List<SearchEntry> sorted) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    Map<String, Postings> byTerm = new HashMap<>();
    for (int id = 0; id < sorted.size(); id++) {
      SearchEntry e = sorted.get(id);
      for (int i = 0; i < e.size(); i++) {
        byTerm.computeIfAbsent(e.term(i), k -> new Postings()).add(id, e.code(i));
      }
      files.put("search/d/" + id + ".json", e.document());
    }
    String[] terms = byTerm.keySet().toArray(String[]::new);
    Arrays.sort(terms);
    long bytes = 0;
    for (String t : terms) {
      bytes += t.length() + 6 + 5L * byTerm.get(t).size;
    }
    int shards = (int) Math.max(1, (bytes + SHARD_BYTES - 1) / SHARD_BYTES);
    List<Shard> shardFiles = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      shardFiles.add(new Shard());
    }
    for (String t : terms) {
      shardFiles.get(SearchTerms.shard(t, shards)).add(t, byTerm.get(t));
    }
    files.put(INDEX, index(sorted.size(), shards, terms));
    for (int i = 0; i < shards; i++) {
      files.put("search/p/" + i + ".json", shardFiles.get(i).bytes());
    }
    return files;
  }

  private static byte[] index(int count, int shards, String[] terms) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("count", count);
      json.writeNumberField("shards", shards);
      json.writeArrayFieldStart("stop");
      for (String s : new TreeSet<>(SearchTerms.STOP_WORDS)) {
        json.writeString(s);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("terms");
      for (String t : terms) {
        json.writeString(t);
      }
      json.writeEndArray();
      json.writeNumberField("v", 3);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One term's postings: pairs of article number and code, in article order. */
  private static final class Postings {
    int[] pairs = new int[8];
    int size;

    void add(int id, int code) {
      if (2 * size + 2 > pairs.length) {
        pairs = Arrays.copyOf(pairs, pairs.length * 2);
      }
      pairs[2 * size] = id;
      pairs[2 * size + 1] = code;
      size++;
    }
  }

  /** One postings file, written term by term in sorted order. */
  private static final class Shard {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonGenerator json;

    Shard() {
      try {
        json = JSON.createGenerator(out);
        json.writeStartObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void add(String term, Postings p) {
      try {
        json.writeArrayFieldStart(term);
        int previous = 0;
        for (int i = 0; i < p.size; i++) {
          json.writeNumber(p.pairs[2 * i] - previous);
          json.writeNumber(p.pairs[2 * i + 1]);
          previous = p.pairs[2 * i];
        }
        json.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    byte[] bytes() {
      try {
        json.writeEndObject();
        json.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }
}
