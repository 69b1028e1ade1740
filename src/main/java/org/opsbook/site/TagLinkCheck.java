package org.opsbook.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opsbook.check.CoreRules;
import org.opsbook.check.Suggestion;
import org.opsbook.config.SiteConfig;
import org.opsbook.content.Kind;
import org.opsbook.content.SiteIndex;
import org.opsbook.diag.Diagnostic;
import org.opsbook.markdown.Anchors;

/**
 * The site-wide check of links to a tag's pages, run once every article has been processed: the
 * site index lets {@code ../../tags/backup/} pass while articles are read one by one, as only all of
 * them say which tags exist. A link to the page of a tag no published article has, or to a further
 * page the tag's list does not reach, is an {@code opsbook.broken-link} error at the link.
 */
final class TagLinkCheck {
  private static final String TAGS = "tags/";

  private TagLinkCheck() {}

  static List<Diagnostic> check(List<ProcessedArticle> published, SiteIndex index, SiteConfig config) {
    List<Diagnostic> out = new ArrayList<>();
    Set<String> pages = null;
    for (ProcessedArticle from : published) {
      for (Anchors.SiteLink link : from.anchors().links()) {
        if (!link.href().contains(TAGS)) {
          continue;
        }
        Optional<SiteIndex.Target> target = index.resolve(from.article().source().relPath(), link.href());
        if (target.isEmpty() || target.get().kind() != SiteIndex.TargetKind.PAGE) {
          continue;
        }
        String path = target.get().sitePath();
        if (!path.startsWith(TAGS) || path.equals(TAGS)) {
          continue;
        }
        if (pages == null) {
          // Most sites link to no tag page: the tags are gathered only for one that does.
          pages = tagPages(published, config);
        }
        if (!pages.contains(path)) {
          out.add(CoreRules.diagnostic(CoreRules.BROKEN_LINK, link.where(),
              "link to '" + link.href() + "' points at " + path + ", a page the site does not have: no published article"
                  + (path.substring(TAGS.length()).contains("/page/") ? "'s tag fills that many pages" : " has that tag"),
              hint(path, pages)));
        }
      }
    }
    return out;
  }

  /** Every page of every tag: {@code tags/<slug>/} and, with pagination, {@code tags/<slug>/page/N/}. */
  private static Set<String> tagPages(List<ProcessedArticle> published, SiteConfig config) {
    Map<String, String> slugs = new HashMap<>();
    Map<String, Integer> articlesBySlug = new TreeMap<>();
    for (ProcessedArticle p : published) {
      if (p.article().kind() != Kind.ARTICLE) {
        continue;
      }
      Set<String> ofThisArticle = new TreeSet<>();
      for (String tag : p.meta().tags()) {
        ofThisArticle.add(slugs.computeIfAbsent(tag, Slugs::of));
      }
      ofThisArticle.forEach(slug -> articlesBySlug.merge(slug, 1, Integer::sum));
    }
    Set<String> pages = new TreeSet<>();
    articlesBySlug.forEach((slug, count) -> {
      pages.add(TAGS + slug + "/");
      pages.addAll(Pagination.extraPaths(TAGS + slug + "/", count, Pagination.listSize(config)));
    });
    return pages;
  }

  private static String hint(String path, Set<String> pages) {
    List<String> tags = pages.stream().filter(p -> p.indexOf('/', TAGS.length()) == p.length() - 1).toList();
    if (tags.isEmpty()) {
      return "no article has tags yet; add 'tags: [...]' to an article's front matter, or link to the tags/ page";
    }
    String slug = path.substring(TAGS.length(), path.indexOf('/', TAGS.length()));
    Optional<String> near = Suggestion.closest(TAGS + slug + "/", tags, Math.max(2, slug.length() / 3));
    return near.map(p -> "did you mean " + p + "?")
        .orElse("the tags/ page lists every tag; tag an article with it, or fix the link");
  }
}
