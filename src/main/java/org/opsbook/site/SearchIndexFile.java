package org.opsbook.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opsbook.markdown.TextSection;

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
 * Keys are sorted and numbers derive from the sorted input, so the same site gives the same bytes.
 */
final class SearchIndexFile {
  static final String INDEX = "search-index.json";
  static final int TITLE = 8;
  static final int HEADING = 4;
  static final int TAG = 2;
  static final int BODY = 1;
  // About this many bytes of postings per shard: a one-word query loads one shard of this size.
  private static final int SHARD_BYTES = 48 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SearchIndexFile() {}

  /** Whether the search index writes into the folder of this site path. */
  static boolean owns(String sitePath) {
    return sitePath.startsWith("search/p/") || sitePath.startsWith("search/d/");
  }

  /** Every search file by its site path, for articles sorted by path. */
  static SortedMap<String, byte[]> files(List<SearchEntry> sorted) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    TreeMap<String, List<int[]>> postings = new TreeMap<>();
    ObjectNode index = MAPPER.createObjectNode();
    for (int id = 0; id < sorted.size(); id++) {
      SearchEntry e = sorted.get(id);
      for (Map.Entry<String, int[]> t : fieldsOf(e).entrySet()) {
        postings.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(new int[] {id, t.getValue()[0], t.getValue()[1]});
      }
      files.put("search/d/" + id + ".json", json(docFile(e)));
    }
    long bytes = 0;
    for (Map.Entry<String, List<int[]>> t : postings.entrySet()) {
      bytes += t.getKey().length() + 6 + 5L * t.getValue().size();
    }
    int shards = (int) Math.max(1, (bytes + SHARD_BYTES - 1) / SHARD_BYTES);
    List<ObjectNode> shardNodes = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      shardNodes.add(MAPPER.createObjectNode());
    }
    ArrayNode terms = MAPPER.createArrayNode();
    for (Map.Entry<String, List<int[]>> t : postings.entrySet()) {
      terms.add(t.getKey());
      ArrayNode list = shardNodes.get(SearchTerms.shard(t.getKey(), shards)).putArray(t.getKey());
      int previous = 0;
      for (int[] p : t.getValue()) {
        list.add(p[0] - previous).add(16 * p[1] + Math.min(15, p[2]));
        previous = p[0];
      }
    }
    index.put("count", sorted.size());
    index.put("shards", shards);
    ArrayNode stop = index.putArray("stop");
    new TreeSet<>(SearchTerms.STOP_WORDS).forEach(stop::add);
    index.set("terms", terms);
    index.put("v", 3);
    files.put(INDEX, json(index));
    for (int i = 0; i < shards; i++) {
      files.put("search/p/" + i + ".json", json(shardNodes.get(i)));
    }
    return files;
  }

  /** Per term of the article: its fields (bits) and how often the body has it. */
  private static TreeMap<String, int[]> fieldsOf(SearchEntry e) {
    TreeMap<String, int[]> fields = new TreeMap<>();
    mark(fields, e.title(), TITLE);
    e.headings().forEach(h -> mark(fields, h, HEADING));
    e.tags().forEach(t -> mark(fields, t, TAG));
    mark(fields, e.summary(), BODY);
    mark(fields, e.words(), BODY);
    e.sections().forEach(s -> mark(fields, s.text(), BODY));
    return fields;
  }

  private static void mark(TreeMap<String, int[]> fields, String text, int field) {
    for (String term : SearchTerms.of(text)) {
      int[] f = fields.computeIfAbsent(term, k -> new int[2]);
      f[0] |= field;
      if (field == BODY) {
        f[1]++;
      }
    }
  }

  private static ObjectNode docFile(SearchEntry e) {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.put("s", e.summary());
    doc.put("t", e.title());
    doc.put("u", e.url());
    ArrayNode sections = doc.putArray("x");
    for (TextSection s : e.sections()) {
      sections.addArray().add(s.anchor()).add(s.heading()).add(s.text());
    }
    return doc;
  }

  private static byte[] json(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
