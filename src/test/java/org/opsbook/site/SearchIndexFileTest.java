package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.markdown.TextSection;
import org.opsbook.testing.MiniSite;

class SearchIndexFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static JsonNode read(SortedMap<String, byte[]> files, String path) throws Exception {
    return JSON.readTree(new String(files.get(path), StandardCharsets.UTF_8));
  }

  /** Decodes the postings of one term: article number → code (16 × fields + body count). */
  private static Map<Integer, Integer> postings(SortedMap<String, byte[]> files, String term) throws Exception {
    int shards = read(files, "search-index.json").path("shards").asInt();
    JsonNode list = read(files, "search/p/" + SearchTerms.shard(term, shards) + ".json").path(term);
    Map<Integer, Integer> out = new HashMap<>();
    int id = 0;
    for (int i = 0; i < list.size(); i += 2) {
      id += list.get(i).asInt();
      out.put(id, list.get(i + 1).asInt());
    }
    return out;
  }

  private static SearchEntry entry(String title, List<String> tags, List<String> headings, String words, String... prose) {
    return entry(KeptBytes.Store.MEMORY, title, tags, headings, words, prose);
  }

  private static SearchEntry entry(KeptBytes.Store kept, String title, List<String> tags, List<String> headings, String words,
      String... prose) {
    List<TextSection> sections = new ArrayList<>();
    for (int i = 0; i < prose.length; i++) {
      sections.add(new TextSection(i == 0 ? "" : "s" + i, i == 0 ? "" : headings.get(i - 1), prose[i]));
    }
    return SearchEntry.of(title, "/a/" + title.replace(' ', '-') + "/", "", tags, headings, words, sections, kept);
  }

  /** Every file's bytes, made as a build writes them. */
  private static SortedMap<String, byte[]> files(SearchIndexFile index, List<SearchEntry> entries) {
    SortedMap<String, byte[]> out = new java.util.TreeMap<>();
    index.files(entries).forEach((path, file) -> out.put(path, file.content()));
    return out;
  }

  @Test
  void theProseOfAnArticleIsIndexedAsPlainTextBySectionWithoutItsCode() throws Exception {
    new MiniSite(dir)
        .file("opsbook.yaml", "title: Mini\nbase_url: https://mini.example.org/\n")
        .article("keys", "summary: \"Keys only.\"\n",
            "Before anything, **restart** the [daemon](https://www.openssh.com/) with `systemctl reload ssh`.\n\n"
                + "## Turning off passwords\n\nThen sshd refuses\npasswords.\n\n```text\nPasswordAuthentication codeword\n```\n");
    BuildResult r = new Build(CheckerRegistry.of(List.of()), 1).run(BuildOptions.forProject(dir));
    assertTrue(r.written(), r.report().diagnostics().toString());
    Path site = dir.resolve("site");
    JsonNode index = JSON.readTree(Files.readString(site.resolve("search-index.json")));
    assertEquals(1, index.path("count").asInt());
    List<String> terms = new ArrayList<>();
    index.path("terms").forEach(t -> terms.add(t.asText()));
    assertTrue(terms.containsAll(List.of("sshd", "refuses", "restart", "daemon", "systemctl", "passwords")), terms.toString());
    assertTrue(terms.contains("codeword"), "words of snippets are found too, though they are no prose");
    assertFalse(terms.contains("the"), "stop words are left out");
    JsonNode docs = JSON.readTree(Files.readString(site.resolve("search/d/0.json")));
    assertEquals(1, docs.size(), "one article, one document in the first file");
    JsonNode doc = docs.get(0);
    assertEquals("Keys only.", doc.path("s").asText());
    assertEquals("Article keys", doc.path("t").asText());
    assertEquals("/articles/keys/", doc.path("u").asText());
    assertEquals("[[\"\",\"\",\"Before anything, restart the daemon with systemctl reload ssh.\"],"
        + "[\"turning-off-passwords\",\"Turning off passwords\",\"Then sshd refuses passwords.\"]]", doc.path("x").toString());
  }

  @Test
  void aFileOfTheContentCannotTakeTheSearchIndexsPlace() throws Exception {
    new MiniSite(dir)
        .file("opsbook.yaml", "title: Mini\nbase_url: https://mini.example.org/\n")
        .article("one", "", "Text.\n")
        .file("content/search/d/0.json", "{}");
    BuildResult r = new Build(CheckerRegistry.of(List.of()), 1).run(BuildOptions.forProject(dir));
    assertFalse(r.written());
    assertEquals(List.of("opsbook.duplicate-url content/search/d/0.json:1:1"), r.report().diagnostics().stream()
        .map(d -> d.rule().value() + " " + d.where().file() + ":" + d.where().line() + ":" + d.where().column()).toList());
  }

  @Test
  void postingsRecordWhereATermStandsAndHowOftenTheBodyHasIt() throws Exception {
    SortedMap<String, byte[]> files = files(new SearchIndexFile(false), List.of(
        entry("sshd hardening", List.of("ssh"), List.of("Keys"), "PermitRootLogin", "sshd sshd sshd", "keys keys"),
        entry("firewall", List.of("sshd"), List.of("Ports"), "", "the port for sshd", "ports")));
    Map<Integer, Integer> sshd = postings(files, "sshd");
    assertEquals(Map.of(0, 16 * (SearchIndexFile.TITLE | SearchIndexFile.BODY) + 3,
        1, 16 * (SearchIndexFile.TAG | SearchIndexFile.BODY) + 1), sshd);
    assertEquals(Map.of(0, 16 * (SearchIndexFile.HEADING | SearchIndexFile.BODY) + 2), postings(files, "keys"));
    assertEquals(Map.of(0, 16 * SearchIndexFile.BODY + 1), postings(files, "permitrootlogin"));
  }

  @Test
  void termsOfEveryScriptAndEveryCodeSurviveThePacking() throws Exception {
    // 15 body counts and every field: codes from 16 to 255, the top bit of the packed byte included.
    String prose = "größe ".repeat(20) + "日本語 𝒳𝒴 αβγ x_1 ";
    SortedMap<String, byte[]> files = files(new SearchIndexFile(false), List.of(
        entry("größe 日本語", List.of("größe"), List.of("größe"), "", prose)));
    int all = SearchIndexFile.TITLE | SearchIndexFile.HEADING | SearchIndexFile.TAG | SearchIndexFile.BODY;
    assertEquals(Map.of(0, 16 * all + 15), postings(files, "größe"));
    assertEquals(Map.of(0, 16 * (SearchIndexFile.TITLE | SearchIndexFile.BODY) + 1), postings(files, "日本語"));
    assertEquals(Map.of(0, 16 * SearchIndexFile.BODY + 1), postings(files, "𝒳𝒴"));
    assertEquals(Map.of(0, 16 * SearchIndexFile.BODY + 1), postings(files, "αβγ"));
    assertEquals(Map.of(0, 16 * SearchIndexFile.BODY + 1), postings(files, "x_1"));
  }

  @Test
  void theFilesAreTheSameBytesForTheSameArticlesWithTermsInSortedOrder() throws Exception {
    List<SearchEntry> entries = new ArrayList<>();
    List<SearchEntry> spilled = new ArrayList<>();
    SortedMap<String, byte[]> a;
    SortedMap<String, byte[]> b;
    try (SpillFile spill = SpillFile.in(dir)) {
      for (int i = 0; i < 3000; i++) {
        for (KeptBytes.Store kept : List.of(KeptBytes.Store.MEMORY, spill)) {
          (kept == spill ? spilled : entries).add(entry(kept, "article " + i, List.of("t" + (i % 7)), List.of("Part " + i),
              "", "word" + i + " w" + (i * 7919 % 1000) + " shared text about host" + (i % 50), "more word" + (i + 1)));
        }
        assertEquals(entries.get(i), spilled.get(i), "an entry kept in a spill file equals the same entry kept in memory");
      }
      assertTrue(spill.size() > 3000 * 100, "the spilled entries are in the file: " + spill.size());
      a = files(new SearchIndexFile(false), entries);
      // A site large enough to spill what it keeps writes the same files.
      b = files(new SearchIndexFile(false), spilled);
      try (var left = java.nio.file.Files.list(dir)) {
        assertEquals(List.of(), left.toList(), "the spill file has no name once open");
      }
    }
    assertEquals(a.keySet(), b.keySet());
    a.forEach((path, bytes) -> assertTrue(java.util.Arrays.equals(bytes, b.get(path)), path));
    JsonNode index = read(a, "search-index.json");
    List<String> terms = new ArrayList<>();
    index.path("terms").forEach(t -> terms.add(t.asText()));
    assertEquals(terms.stream().sorted().toList(), terms);
    int shards = index.path("shards").asInt();
    assertTrue(shards > 1, "this many postings are split, so a query loads part of them");
    Map<String, JsonNode> parsed = new HashMap<>();
    int listed = 0;
    for (String path : a.keySet()) {
      if (path.startsWith("search/p/")) {
        parsed.put(path, read(a, path));
        listed += parsed.get(path).size();
      }
    }
    for (String term : terms) {
      assertTrue(parsed.get("search/p/" + SearchTerms.shard(term, shards) + ".json").has(term), term);
    }
    assertEquals(terms.size(), listed, "each term's postings are in one shard only");
  }

  @Test
  void theFileEveryQueryLoadsDoesNotGrowWithTheProse() throws Exception {
    List<SearchEntry> short_ = new ArrayList<>();
    List<SearchEntry> long_ = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String prose = "The relay host rejects mail from host" + i + " until the queue drains. ";
      short_.add(entry("article " + i, List.of(), List.of(), "", prose));
      long_.add(entry("article " + i, List.of(), List.of(), "", prose.repeat(40)));
    }
    byte[] small = files(new SearchIndexFile(false), short_).get("search-index.json");
    byte[] large = files(new SearchIndexFile(false), long_).get("search-index.json");
    assertEquals(small.length, large.length, "the index holds each term once, the text lives in per-article files");
    assertTrue(files(new SearchIndexFile(false), long_).get("search/d/0.json").length > 40 * 60);
  }

  @Test
  void anIndexKeptFromBuildToBuildGivesTheBytesOfOneMadeAfresh() throws Exception {
    java.util.Random random = new java.util.Random(12);
    List<SearchEntry> entries = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      entries.add(randomEntry(random, i));
    }
    SearchIndexFile kept = new SearchIndexFile(true);
    java.util.Set<Integer> shardCounts = new java.util.TreeSet<>();
    java.util.Set<Integer> sizes = new java.util.TreeSet<>();
    for (int round = 0; round < 60; round++) {
      int edits = 1 + random.nextInt(round % 10 == 9 ? 300 : 3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(entries.size());
        switch (random.nextInt(round % 5 == 4 ? 3 : 1)) {
          case 0 -> entries.set(at, randomEntry(random, at));
          case 1 -> entries.add(at, randomEntry(random, at));
          default -> entries.remove(at);
        }
      }
      SortedMap<String, byte[]> incremental = files(kept, entries);
      SortedMap<String, byte[]> fresh = files(new SearchIndexFile(false), entries);
      assertEquals(fresh.keySet(), incremental.keySet(), "round " + round);
      for (String path : fresh.keySet()) {
        assertTrue(java.util.Arrays.equals(fresh.get(path), incremental.get(path)), "round " + round + ": " + path);
      }
      shardCounts.add(read(fresh, "search-index.json").path("shards").asInt());
      sizes.add(entries.size());
    }
    assertTrue(shardCounts.size() > 1, "the edits move the shard count too: " + shardCounts);
    assertTrue(sizes.size() > 1, "and the number of articles: " + sizes);
  }

  /** An article of a few words from a small vocabulary, and now and then a word no other has. */
  private static SearchEntry randomEntry(java.util.Random random, int n) {
    StringBuilder prose = new StringBuilder();
    int words = 5 + random.nextInt(random.nextInt(8) == 0 ? 2000 : 40);
    for (int w = 0; w < words; w++) {
      prose.append(random.nextInt(20) == 0 ? "rare" + random.nextInt(100000) : "word" + random.nextInt(300)).append(' ');
    }
    return entry("article " + n + " " + random.nextInt(50), List.of("t" + random.nextInt(9)), List.of("Part " + n), "",
        prose.toString());
  }
}
