package org.opsbook.site;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.opsbook.config.SiteConfig;
import org.opsbook.content.Kind;

/**
 * The list pages a build writes: a page per tag slug, and the further pages ({@link Pagination})
 * of each tag, the archive and the home list. {@link UrlClaims} claims them and {@link
 * ListPageLinkCheck} holds links to them; both count each article once per tag slug, as its tag's
 * page lists it once.
 *
 * @param articlesByTag how many published articles each tag slug lists, by slug
 * @param articles how many published articles the archive and the home list show
 * @param listSize articles per page of a tag and of the archive; 0 when lists are not cut
 * @param homeSize articles per page of the home list; 0 when it is not cut
 */
record ListPages(Map<String, Integer> articlesByTag, int articles, int listSize, int homeSize) {
  static final String TAGS = "tags/";
  private static final String ARCHIVE = "archive/";

  ListPages {
    articlesByTag = Collections.unmodifiableMap(new TreeMap<>(articlesByTag));
  }

  /** @param slug a tag's slug, as {@link Slugs#of} or a cache of it gives */
  static ListPages of(List<ProcessedArticle> published, SiteConfig config, UnaryOperator<String> slug) {
    Map<String, Integer> byTag = new TreeMap<>();
    int articles = 0;
    Set<String> slugsOfOne = new HashSet<>();
    for (ProcessedArticle p : published) {
      if (p.article().kind() != Kind.ARTICLE) {
        continue;
      }
      articles++;
      slugsOfOne.clear();
      for (String tag : p.meta().tags()) {
        String s = slug.apply(tag);
        if (slugsOfOne.add(s)) {
          byTag.merge(s, 1, Integer::sum);
        }
      }
    }
    return new ListPages(byTag, articles, Pagination.listSize(config), Pagination.homeSize(config));
  }

  List<String> furtherTagPages(String slug) {
    return Pagination.extraPaths(TAGS + slug + "/", articlesByTag.getOrDefault(slug, 0), listSize);
  }

  List<String> furtherArchivePages() {
    return Pagination.extraPaths(ARCHIVE, articles, listSize);
  }

  List<String> furtherHomePages() {
    return Pagination.extraPaths("", articles, homeSize);
  }

  int archivePageCount() {
    return Pagination.count(articles, listSize);
  }

  int homePageCount() {
    return Pagination.count(articles, homeSize);
  }

  /** The site path of every list page besides {@code tags/}, the archive's and the home page. */
  Set<String> all() {
    Set<String> all = new TreeSet<>();
    for (String slug : articlesByTag.keySet()) {
      all.add(TAGS + slug + "/");
      all.addAll(furtherTagPages(slug));
    }
    all.addAll(furtherArchivePages());
    all.addAll(furtherHomePages());
    return all;
  }
}
