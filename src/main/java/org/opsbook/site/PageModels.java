package org.opsbook.site;

import org.opsbook.config.SiteConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opsbook.markdown.TocEntry;

/**
 * Builds the variables templates see. Plain maps and lists with a fixed key order, so templates
 * do not depend on Java accessor names and output order never depends on hashing.
 */
final class PageModels {
  private final SiteConfig config;
  /** Tag slugs, computed once per tag: list pages ask for the same few tags thousands of times. */
  private final java.util.concurrent.ConcurrentHashMap<String, String> slugs = new java.util.concurrent.ConcurrentHashMap<>();

  PageModels(SiteConfig config) {
    this.config = config;
  }

  SiteConfig config() {
    return config;
  }

  /** Forgets the summaries of articles not in {@code keep} (compared by identity). */
  void retainSummaries(java.util.Set<ProcessedArticle> keep) {
    synchronized (summaries) {
      // A summary is kept only for an article shown; more summaries than articles means some are stale.
      if (summaries.size() > keep.size()) {
        summaries.keySet().retainAll(keep);
      }
    }
    synchronized (tagSlugs) {
      if (tagSlugs.size() > keep.size()) {
        tagSlugs.keySet().retainAll(keep);
      }
    }
  }

  String slug(String tag) {
    return slugs.computeIfAbsent(tag, Slugs::of);
  }

  /** The distinct slugs of an article's tags, in its order; kept with its summary. */
  List<String> tagSlugs(ProcessedArticle a) {
    List<String> cached = tagSlugs.get(a);
    if (cached != null) {
      return cached;
    }
    List<String> out = new ArrayList<>();
    for (String tag : a.meta().tags()) {
      String slug = slug(tag);
      // Two tags of one article may share a slug ("TLS", "tls"); list the article once.
      if (!out.contains(slug)) {
        out.add(slug);
      }
    }
    List<String> made = List.copyOf(out);
    List<String> raced = tagSlugs.putIfAbsent(a, made);
    return raced == null ? made : raced;
  }

  private final java.util.Map<ProcessedArticle, List<String>> tagSlugs =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  Map<String, Object> site() {
    Map<String, Object> site = new LinkedHashMap<>();
    site.put("title", config.title());
    site.put("description", config.description());
    site.put("language", config.language());
    site.put("author", config.author());
    site.put("basePath", config.basePath());
    site.put("baseUrl", config.absoluteUrl(""));
    site.put("public", config.hasBaseUrl());
    return site;
  }

  /** The common variables: {@code site}, {@code page} with a title, description and canonical URL. */
  Map<String, Object> base(String title, String description, String sitePath, String kind) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("site", site());
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("kind", kind);
    page.put("title", title);
    page.put("description", description);
    page.put("url", config.basePath() + sitePath);
    page.put("canonical", config.absoluteUrl(sitePath));
    model.put("page", page);
    return model;
  }

  /** Summaries by article, built once: tag pages and the archive list the same articles many times. */
  private final java.util.Map<ProcessedArticle, Map<String, Object>> summaries =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /** An article as lists show it; the map is shared, so callers copy it before changing it. */
  Map<String, Object> summary(ProcessedArticle a) {
    Map<String, Object> cached = summaries.get(a);
    if (cached != null) {
      return cached;
    }
    Map<String, Object> m = java.util.Collections.unmodifiableMap(buildSummary(a));
    Map<String, Object> raced = summaries.putIfAbsent(a, m);
    return raced == null ? m : raced;
  }

  private Map<String, Object> buildSummary(ProcessedArticle a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", a.meta().title());
    m.put("url", config.basePath() + a.article().sitePath());
    m.put("date", Dates.iso(a.meta().date()));
    m.put("dateText", Dates.text(a.meta().date()));
    m.put("summary", a.meta().summary());
    m.put("tags", tagLinks(a.meta().tags()));
    m.put("readingMinutes", a.readingMinutes());
    m.put("checks", CheckCounts.of(a).toModel());
    m.put("draft", a.meta().draft());
    return m;
  }

  List<Map<String, Object>> summaries(List<ProcessedArticle> articles) {
    List<Map<String, Object>> out = new ArrayList<>(articles.size());
    for (ProcessedArticle a : articles) {
      out.add(summary(a));
    }
    return out;
  }

  List<Map<String, Object>> tagLinks(List<String> tags) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String tag : tags) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", tag);
      t.put("url", config.basePath() + "tags/" + slug(tag) + "/");
      out.add(t);
    }
    return out;
  }

  /**
   * What an article page shows beyond the article and its neighbours.
   *
   * @param updated the day it was last changed (git, else {@code updated:}), or null
   * @param series the tag whose articles form its series ({@code name}, {@code url}, {@code count},
   *     {@code position}), or null when it has no tag shared with another article
   * @param previous the summary of the next older article in the series, or null
   * @param next the summary of the next newer article in the series, or null
   */
  record ArticleFacts(java.time.LocalDate updated, Map<String, Object> series, Map<String, Object> previous,
      Map<String, Object> next) {}

  Map<String, Object> article(ProcessedArticle a, Map<String, Object> newer, Map<String, Object> older,
      ArticleFacts facts) {
    Map<String, Object> model = base(a.meta().title(), a.meta().summary(), a.article().sitePath(), "article");
    @SuppressWarnings("unchecked")
    Map<String, Object> page = (Map<String, Object>) model.get("page");
    page.putAll(summary(a));
    // A page changed on the day it was published (or committed before its date) shows one date.
    boolean updated = facts.updated() != null && (a.meta().date() == null || facts.updated().isAfter(a.meta().date()));
    page.put("updated", updated ? Dates.iso(facts.updated()) : "");
    page.put("updatedText", updated ? Dates.text(facts.updated()) : "");
    page.put("editUrl", config.edit().url(a.article().source().relPath()));
    page.put("content", a.bodyHtml());
    page.put("toc", toc(a.toc()));
    page.put("newer", newer);
    page.put("older", older);
    page.put("series", facts.series());
    page.put("seriesPrevious", facts.previous());
    page.put("seriesNext", facts.next());
    return model;
  }

  Map<String, Object> standalone(ProcessedArticle a) {
    Map<String, Object> model = base(a.meta().title(), a.meta().summary(), a.article().sitePath(), "page");
    @SuppressWarnings("unchecked")
    Map<String, Object> page = (Map<String, Object>) model.get("page");
    page.put("content", a.bodyHtml());
    page.put("toc", toc(a.toc()));
    page.put("checks", CheckCounts.of(a).toModel());
    return model;
  }

  private static List<Map<String, Object>> toc(List<TocEntry> entries) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TocEntry e : entries) {
      if (e.level() < 2 || e.level() > 3) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("level", e.level());
      m.put("text", e.text());
      m.put("id", e.id());
      out.add(m);
    }
    return out;
  }
}
