package org.opsbook.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.opsbook.check.CoreRules;
import org.opsbook.check.Suggestion;
import org.opsbook.config.SiteConfig;
import org.opsbook.content.Kind;
import org.opsbook.content.SiteIndex;
import org.opsbook.diag.Diagnostic;
import org.opsbook.markdown.Anchors;

/**
 * The site-wide check of links to list pages, run once every article has been processed. While
 * articles are read one by one the site index lets a tag's page ({@code ../../tags/backup/}) and a
 * further page of a list ({@code archive/page/2/}, {@code page/2/}) pass, as only all of them say
 * which tags exist and how many pages a list fills. A link to a page the build does not write is
 * an {@code opsbook.broken-link} error at the link.
 */
final class ListPageLinkCheck {
  private static final String TAGS = "tags/";
  private static final Pattern FURTHER_PAGE = Pattern.compile("(archive/)?page/[0-9]+/");

  private ListPageLinkCheck() {}

  static List<Diagnostic> check(List<ProcessedArticle> published, SiteIndex index, SiteConfig config) {
    List<Diagnostic> out = new ArrayList<>();
    ListPages pages = null;
    for (ProcessedArticle from : published) {
      for (Anchors.SiteLink link : from.anchors().links()) {
        if (!link.href().contains(TAGS) && !link.href().contains("page/")) {
          continue;
        }
        Optional<SiteIndex.Target> target = index.resolve(from.article().source().relPath(), link.href());
        if (target.isEmpty() || target.get().kind() != SiteIndex.TargetKind.PAGE) {
          continue;
        }
        String path = target.get().sitePath();
        boolean tag = path.startsWith(TAGS) && !path.equals(TAGS);
        if (!tag && !FURTHER_PAGE.matcher(path).matches()) {
          continue;
        }
        if (pages == null) {
          // Most sites link to no list page: the lists are worked out only for one that does.
          pages = ListPages.of(published, config);
        }
        if (!pages.all.contains(path)) {
          out.add(CoreRules.diagnostic(CoreRules.BROKEN_LINK, link.where(),
              "link to '" + link.href() + "' points at " + path + ", a page the site does not have: "
                  + (tag ? tagReason(path) : listReason(path, pages)),
              tag ? tagHint(path, pages) : "link to the list's first page; its further pages change as articles are added"));
        }
      }
    }
    return out;
  }

  private static String tagReason(String path) {
    return path.substring(TAGS.length()).contains("/page/") ? "no published article's tag fills that many pages"
        : "no published article has that tag";
  }

  private static String listReason(String path, ListPages pages) {
    boolean archive = path.startsWith("archive/");
    int count = archive ? pages.archivePages : pages.homePages;
    return (archive ? "the archive" : "the home list") + " has " + (count == 1 ? "one page" : count + " pages");
  }

  private static String tagHint(String path, ListPages pages) {
    if (pages.tags.isEmpty()) {
      return "no article has tags yet; add 'tags: [...]' to an article's front matter, or link to the tags/ page";
    }
    String slug = path.substring(TAGS.length(), path.indexOf('/', TAGS.length()));
    Optional<String> near = Suggestion.closest(TAGS + slug + "/", pages.tags, Math.max(2, slug.length() / 3));
    return near.map(p -> "did you mean " + p + "?")
        .orElse("the tags/ page lists every tag; tag an article with it, or fix the link");
  }

  /** The list pages the build writes, as {@link UrlClaims} claims them. */
  private record ListPages(Set<String> all, List<String> tags, int archivePages, int homePages) {
    static ListPages of(List<ProcessedArticle> published, SiteConfig config) {
      Map<String, String> slugs = new HashMap<>();
      Map<String, Integer> articlesBySlug = new TreeMap<>();
      int articles = 0;
      for (ProcessedArticle p : published) {
        if (p.article().kind() != Kind.ARTICLE) {
          continue;
        }
        articles++;
        Set<String> ofThisArticle = new TreeSet<>();
        for (String tag : p.meta().tags()) {
          ofThisArticle.add(slugs.computeIfAbsent(tag, Slugs::of));
        }
        ofThisArticle.forEach(slug -> articlesBySlug.merge(slug, 1, Integer::sum));
      }
      Set<String> all = new TreeSet<>();
      List<String> tags = new ArrayList<>();
      articlesBySlug.forEach((slug, count) -> {
        tags.add(TAGS + slug + "/");
        all.add(TAGS + slug + "/");
        all.addAll(Pagination.extraPaths(TAGS + slug + "/", count, Pagination.listSize(config)));
      });
      all.addAll(Pagination.extraPaths("archive/", articles, Pagination.listSize(config)));
      all.addAll(Pagination.extraPaths("", articles, Pagination.homeSize(config)));
      return new ListPages(all, tags, Pagination.count(articles, Pagination.listSize(config)),
          Pagination.count(articles, Pagination.homeSize(config)));
    }
  }
}
