package org.opsbook.site;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
  /** Article numbers take 24 bits of a posting (see {@link Postings}). */
  static final int MAX_ARTICLES = 1 << 24;

  private final boolean kept;
  private List<SearchEntry> entries = List.of();
  private final Map<String, Postings> byTerm = new HashMap<>();
  private final TreeSet<String> terms = new TreeSet<>();
  private long bytes;
  private File[] shardFiles = new File[0];
  private File index;
  private File[] documentFiles = new File[0];
  /** Whether the current build added a term to the index or took one out of it. */
  private boolean termSetChanged;

  /**
   * @param kept whether the index lives from build to build, as in a preview session: then each
   *     term keeps its JSON until its postings change
   */
  SearchIndexFile(boolean kept) {
    this.kept = kept;
  }

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
  synchronized SortedMap<String, File> files(List<SearchEntry> sorted) {
    Set<String> changedTerms = new HashSet<>();
    termSetChanged = false;
    if (sorted.size() > MAX_ARTICLES) {
      throw new IllegalArgumentException("the search index numbers at most " + MAX_ARTICLES + " articles");
    }
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
      shardFiles = new File[count];
      for (int i = 0; i < count; i++) {
        dirty.add(i);
      }
    } else {
      changedTerms.forEach(t -> dirty.add(SearchTerms.shard(t, count)));
    }
    if (!dirty.isEmpty()) {
      Map<Integer, List<String>> shardTerms = new HashMap<>();
      dirty.forEach(i -> shardTerms.put(i, new ArrayList<>()));
      for (String t : terms) {
        List<String> list = shardTerms.get(SearchTerms.shard(t, count));
        if (list != null) {
          list.add(t);
        }
      }
      shardTerms.forEach((i, list) -> shardFiles[i] = new Shard(list));
    }
    if (termsChanged) {
      byte[] made = index(sorted.size(), count, terms);
      index = () -> made;
    }
    SortedMap<String, File> files = new TreeMap<>();
    int docFiles = (sorted.size() + DOCS_PER_FILE - 1) / DOCS_PER_FILE;
    File[] made = new File[docFiles];
    for (int n = 0; n < docFiles; n++) {
      List<SearchEntry> docs = sorted.subList(n * DOCS_PER_FILE, Math.min(sorted.size(), (n + 1) * DOCS_PER_FILE));
      // The very entries of the last build: a file is made again only when one of its articles changed.
      boolean same = !fresh && n < documentFiles.length && ((Documents) documentFiles[n]).isOf(docs);
      made[n] = same ? documentFiles[n] : new Documents(docs);
      files.put("search/d/" + n + ".json", made[n]);
    }
    documentFiles = made;
    files.put(INDEX, index);
    for (int i = 0; i < count; i++) {
      files.put("search/p/" + i + ".json", shardFiles[i]);
    }
    return files;
  }

  private void add(int id, SearchEntry e, Set<String> changed) {
    for (SearchEntry.Walk w = e.walk(); w.term() != null; w.step()) {
      put(id, w.term(), w.code(), changed);
    }
  }

  /**
   * Replaces an article's postings by a new version's. Both term lists are sorted, so one walk
   * finds the terms that came, went or changed their code; an edit touches a few of them, and
   * the long postings of common terms the article keeps stay as they were.
   */
  private void update(int id, SearchEntry was, SearchEntry now, Set<String> changed) {
    SearchEntry.Walk old = was.walk();
    SearchEntry.Walk neu = now.walk();
    while (old.term() != null || neu.term() != null) {
      int order = old.term() == null ? 1 : neu.term() == null ? -1 : old.term().compareTo(neu.term());
      if (order < 0) {
        take(id, old.term(), changed);
      } else if (order > 0 || old.code() != neu.code()) {
        put(id, neu.term(), neu.code(), changed);
      }
      if (order <= 0) {
        old.step();
      }
      if (order >= 0) {
        neu.step();
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

  /**
   * One file of the index. Its bytes are made when it is written, by the worker that writes it: a
   * large site's files would not all fit in memory at once. A file that did not change is the
   * same object as the last build's, so callers compare files by identity.
   *
   * <p>Shards read the postings when they are written, so write them before the next call of
   * {@link #files}.
   */
  interface File {
    byte[] content();
  }

  /** The articles of one {@code search/d/N.json}, written as a JSON array of their documents. */
  private static final class Documents implements File {
    private final SearchEntry[] entries;

    Documents(List<SearchEntry> entries) {
      this.entries = entries.toArray(SearchEntry[]::new);
    }

    boolean isOf(List<SearchEntry> others) {
      if (others.size() != entries.length) {
        return false;
      }
      for (int i = 0; i < entries.length; i++) {
        if (others.get(i) != entries[i]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public byte[] content() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write('[');
      for (int i = 0; i < entries.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.writeBytes(entries[i].document());
      }
      out.write(']');
      return out.toByteArray();
    }
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

  /**
   * One term's postings in article order, each article number and code packed in one int (number
   * × 256 + code): a large site's postings are tens of millions, held until the shards are written.
   */
  private static final class Postings {
    int[] items = new int[4];
    int size;
    /** The term's member of its shard's JSON object, kept until the postings change. */
    private byte[] json;

    /** @param keep whether to keep the JSON for the next build */
    byte[] json(String term, boolean keep) {
      byte[] made = json;
      if (made == null) {
        StringBuilder numbers = new StringBuilder(size * 6);
        int previous = 0;
        for (int i = 0; i < size; i++) {
          int id = items[i] >>> 8;
          numbers.append(i == 0 ? "" : ",").append(id - previous).append(',').append(items[i] & 0xFF);
          previous = id;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(term.length() + numbers.length() + 8);
        out.write('"');
        out.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(term));
        out.writeBytes("\":[".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(numbers.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(']');
        made = out.toByteArray();
        if (keep) {
          json = made;
        }
      }
      return made;
    }

    /**
     * Adds an article, or changes its code; quick at the end, where a full build adds them.
     *
     * @return whether the article is new to these postings
     */
    boolean put(int id, int code) {
      json = null;
      int at = size == 0 || (items[size - 1] >>> 8) < id ? size : find(id);
      if (at < 0) {
        at = -at - 1;
      } else if (at < size && (items[at] >>> 8) == id) {
        items[at] = id << 8 | code;
        return false;
      }
      if (size == items.length) {
        items = Arrays.copyOf(items, size + (size >> 1) + 4);
      }
      System.arraycopy(items, at, items, at + 1, size - at);
      items[at] = id << 8 | code;
      size++;
      return true;
    }

    void remove(int id) {
      json = null;
      int at = find(id);
      if (at >= 0) {
        System.arraycopy(items, at + 1, items, at, size - at - 1);
        size--;
      }
    }

    /** The index of the article's item, or (-(insertion point) - 1). */
    private int find(int id) {
      int lo = 0;
      int hi = size - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int v = items[mid] >>> 8;
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

  /** One postings file: its terms' JSON, in sorted order, as one object. */
  private final class Shard implements File {
    private final List<String> terms;

    Shard(List<String> terms) {
      this.terms = terms;
    }

    @Override
    public byte[] content() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write('{');
      for (String t : terms) {
        if (out.size() > 1) {
          out.write(',');
        }
        out.writeBytes(byTerm.get(t).json(t, kept));
      }
      out.write('}');
      return out.toByteArray();
    }
  }
}
