package org.opsbook.site;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *   <li>{@code search/d/N.json}: the documents of articles 8N to 8N + 7 ({@code docs} in the index
 *       says how many a file holds), as an array: each article's title, URL, summary and the plain
 *       text of its sections with their anchors ({@code x}), fetched only for the results shown.
 *       One file per article would be thousands of small files, and on a large site making files
 *       costs more than anything else the build writes.
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
  /** Articles' documents per file: a page of results fetches a few such files. */
  static final int DOCS_PER_FILE = 8;
  private static final JsonFactory JSON = new JsonFactory();

  private List<SearchEntry> entries = List.of();
  private final Map<String, Postings> byTerm = new HashMap<>();
  private final TreeSet<String> terms = new TreeSet<>();
  private long bytes;
  private byte[][] shardFiles = new byte[0][];
  private byte[] index;
  private List<byte[]> documents = List.of();
  private byte[][] documentFiles = new byte[0][];
  /** Whether the current build added a term to the index or took one out of it. */
  private boolean termSetChanged;

  /** Whether the search index writes into the folder of this site path. */
  static boolean owns(String sitePath) {
    return sitePath.startsWith("search/p/") || sitePath.startsWith("search/d/");
  }

  /** A term's code in one article: its fields (bits) and how often the body has it, at most 15. */
  static int code(int fields, int bodyCount) {
    return 16 * fields + Math.min(15, bodyCount);
  }

  /**
   * Every search file by its site path, for articles sorted by path. A preview session keeps one
   * of these from build to build: when the articles are the same ones as last time, only the terms
   * of those that changed are taken out and put back, and only the shards holding those terms are
   * written again. A different number of articles renumbers them all, so the index starts afresh.
   */
  synchronized SortedMap<String, byte[]> files(List<SearchEntry> sorted) {
    Set<String> changedTerms = new HashSet<>();
    termSetChanged = false;
    boolean fresh = sorted.size() != entries.size() || index == null;
    if (fresh) {
      byTerm.clear();
      terms.clear();
      bytes = 0;
      for (int id = 0; id < sorted.size(); id++) {
        add(id, sorted.get(id), changedTerms);
      }
    } else {
      for (int id = 0; id < sorted.size(); id++) {
        SearchEntry was = entries.get(id);
        SearchEntry now = sorted.get(id);
        if (was != now && !was.equals(now)) {
          update(id, was, now, changedTerms);
        }
      }
    }
    entries = List.copyOf(sorted);
    int count = (int) Math.max(1, (bytes + SHARD_BYTES - 1) / SHARD_BYTES);
    boolean reshard = fresh || count != shardFiles.length;
    boolean termsChanged = reshard || termSetChanged;
    Set<Integer> dirty = new TreeSet<>();
    if (reshard) {
      shardFiles = new byte[count][];
      for (int i = 0; i < count; i++) {
        dirty.add(i);
      }
    } else {
      changedTerms.forEach(t -> dirty.add(SearchTerms.shard(t, count)));
    }
    if (!dirty.isEmpty()) {
      Map<Integer, Shard> writing = new HashMap<>();
      dirty.forEach(i -> writing.put(i, new Shard()));
      for (String t : terms) {
        Shard shard = writing.get(SearchTerms.shard(t, count));
        if (shard != null) {
          shard.add(t, byTerm.get(t));
        }
      }
      writing.forEach((i, shard) -> shardFiles[i] = shard.bytes());
    }
    if (termsChanged) {
      index = index(sorted.size(), count, terms);
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    List<byte[]> docs = sorted.stream().map(SearchEntry::document).toList();
    int docFiles = (docs.size() + DOCS_PER_FILE - 1) / DOCS_PER_FILE;
    byte[][] made = new byte[docFiles][];
    for (int n = 0; n < docFiles; n++) {
      int from = n * DOCS_PER_FILE;
      int to = Math.min(docs.size(), from + DOCS_PER_FILE);
      // The very arrays of the last build: a file is made again only when one of its articles changed.
      boolean same = !fresh && n < documentFiles.length;
      for (int i = from; same && i < to; i++) {
        same = docs.get(i) == documents.get(i);
      }
      made[n] = same ? documentFiles[n] : documentFile(docs.subList(from, to));
      files.put("search/d/" + n + ".json", made[n]);
    }
    documents = docs;
    documentFiles = made;
    files.put(INDEX, index);
    for (int i = 0; i < count; i++) {
      files.put("search/p/" + i + ".json", shardFiles[i]);
    }
    return files;
  }

  private void add(int id, SearchEntry e, Set<String> changed) {
    for (int i = 0; i < e.size(); i++) {
      put(id, e.term(i), e.code(i), changed);
    }
  }

  /**
   * Replaces an article's postings by a new version's. Both term lists are sorted, so one walk
   * finds the terms that came, went or changed their code; an edit touches a few of them, and
   * the long postings of common terms the article keeps stay as they were.
   */
  private void update(int id, SearchEntry was, SearchEntry now, Set<String> changed) {
    int i = 0;
    int j = 0;
    String old = i < was.size() ? was.term(i) : null;
    String neu = j < now.size() ? now.term(j) : null;
    while (old != null || neu != null) {
      int order = old == null ? 1 : neu == null ? -1 : old.compareTo(neu);
      if (order < 0) {
        take(id, old, changed);
      } else if (order > 0 || was.code(i) != now.code(j)) {
        put(id, neu, now.code(j), changed);
      }
      if (order <= 0) {
        i++;
        old = i < was.size() ? was.term(i) : null;
      }
      if (order >= 0) {
        j++;
        neu = j < now.size() ? now.term(j) : null;
      }
    }
  }

  private void put(int id, String term, int code, Set<String> changed) {
    Postings p = byTerm.get(term);
    if (p == null) {
      p = new Postings();
      byTerm.put(term, p);
      terms.add(term);
      termSetChanged = true;
      bytes += term.length() + 6;
    }
    if (p.put(id, code)) {
      bytes += 5;
    }
    changed.add(term);
  }

  private void take(int id, String term, Set<String> changed) {
    Postings p = byTerm.get(term);
    p.remove(id);
    bytes -= 5;
    if (p.size == 0) {
      byTerm.remove(term);
      terms.remove(term);
      termSetChanged = true;
      bytes -= term.length() + 6;
    }
    changed.add(term);
  }

  /** A JSON array of documents, each already JSON. */
  private static byte[] documentFile(List<byte[]> docs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('[');
    for (int i = 0; i < docs.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(docs.get(i));
    }
    out.write(']');
    return out.toByteArray();
  }

  private static byte[] index(int count, int shards, Set<String> terms) {
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
      json.writeNumberField("docs", DOCS_PER_FILE);
      json.writeNumberField("v", 4);
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
    /** The term's member of its shard's JSON object, kept until the postings change. */
    private byte[] json;

    byte[] json(String term) {
      if (json == null) {
        StringBuilder numbers = new StringBuilder(size * 6);
        int previous = 0;
        for (int i = 0; i < size; i++) {
          numbers.append(i == 0 ? "" : ",").append(pairs[2 * i] - previous).append(',').append(pairs[2 * i + 1]);
          previous = pairs[2 * i];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(term.length() + numbers.length() + 8);
        out.write('"');
        out.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(term));
        out.writeBytes("\":[".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(numbers.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(']');
        json = out.toByteArray();
      }
      return json;
    }

    /**
     * Adds an article, or changes its code; quick at the end, where a full build adds them.
     *
     * @return whether the article is new to these postings
     */
    boolean put(int id, int code) {
      json = null;
      int at = size == 0 || pairs[2 * size - 2] < id ? size : find(id);
      if (at < 0) {
        at = -at - 1;
      } else if (at < size && pairs[2 * at] == id) {
        pairs[2 * at + 1] = code;
        return false;
      }
      if (2 * size + 2 > pairs.length) {
        pairs = Arrays.copyOf(pairs, pairs.length * 2);
      }
      System.arraycopy(pairs, 2 * at, pairs, 2 * at + 2, 2 * (size - at));
      pairs[2 * at] = id;
      pairs[2 * at + 1] = code;
      size++;
      return true;
    }

    void remove(int id) {
      json = null;
      int at = find(id);
      if (at >= 0) {
        System.arraycopy(pairs, 2 * at + 2, pairs, 2 * at, 2 * (size - at - 1));
        size--;
      }
    }

    /** The index of the article's pair, or (-(insertion point) - 1). */
    private int find(int id) {
      int lo = 0;
      int hi = size - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int v = pairs[2 * mid];
        if (v < id) {
          lo = mid + 1;
        } else if (v > id) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -(lo + 1);
    }
  }

  /** One postings file: the terms' JSON, in sorted order, as one object. */
  private static final class Shard {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Shard() {
      out.write('{');
    }

    void add(String term, Postings p) {
      if (out.size() > 1) {
        out.write(',');
      }
      out.writeBytes(p.json(term));
    }

    byte[] bytes() {
      out.write('}');
      return out.toByteArray();
    }
  }
}
