package org.opsbook.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.check.CoreRules;
import org.opsbook.check.Suggestion;
import org.opsbook.config.SiteConfig;
import org.opsbook.content.SiteIndex;
import org.opsbook.diag.Diagnostic;
import org.opsbook.markdown.Anchors;

/**
 * The site-wide check of links to list pages, run once every article has been processed. While
 * articles are read one by one the site index lets a tag's page ({@code ../../tags/backup/}) and a
 * further page of a list ({@code archive/page/2/}, {@code page/2/}) pass ({@link
 * SiteIndex#isListPage}), as only all of them say which tags exist and how many pages a list fills.
 * A link to such a page the build does not write is an {@code opsbook.broken-link} error at the link.
 */
final class ListPageLinkCheck {
  private static final String TAGS = ListPages.TAGS;

  private ListPageLinkCheck() {}

  static List<Diagnostic> check(List<ProcessedArticle> published, SiteIndex index, SiteConfig config) {
    List<Diagnostic> out = new ArrayList<>();
    ListPages lists = null;
    Set<String> written = null;
    for (ProcessedArticle from : published) {
      for (Anchors.SiteLink link : from.anchors().links()) {
        if (!link.href().contains(TAGS) && !link.href().contains("page/")) {
          continue;
        }
        Optional<SiteIndex.Target> target = index.resolve(from.article().source().relPath(), link.href());
        if (target.isEmpty() || target.get().kind() != SiteIndex.TargetKind.PAGE
            || !SiteIndex.isListPage(target.get().sitePath())) {
          continue;
        }
        if (lists == null) {
          // Most sites link to no list page: the lists are worked out only for one that does.
          lists = ListPages.of(published, config, Slugs::of);
          written = lists.all();
        }
        String path = target.get().sitePath();
        if (!written.contains(path)) {
          boolean tag = path.startsWith(TAGS);
          out.add(CoreRules.diagnostic(CoreRules.BROKEN_LINK, link.where(),
              "link to '" + link.href() + "' points at " + path + ", a page the site does not have: "
                  + (tag ? tagReason(path) : listReason(path, lists)),
              tag ? tagHint(path, lists) : "link to the list's first page; its further pages change as articles are added"));
        }
      }
    }
    return out;
  }

  private static String tagReason(String path) {
    return path.substring(TAGS.length()).contains("/page/") ? "no published article's tag fills that many pages"
        : "no published article has that tag";
  }

  private static String listReason(String path, ListPages lists) {
    boolean archive = path.startsWith("archive/");
    int count = archive ? lists.archivePageCount() : lists.homePageCount();
    return (archive ? "the archive" : "the home list") + " has " + (count == 1 ? "one page" : count + " pages");
  }

  private static String tagHint(String path, ListPages lists) {
    if (lists.articlesByTag().isEmpty()) {
      return "no article has tags yet; add 'tags: [...]' to an article's front matter, or link to the tags/ page";
    }
    String slug = path.substring(TAGS.length(), path.indexOf('/', TAGS.length()));
    List<String> tags = lists.articlesByTag().keySet().stream().map(s -> TAGS + s + "/").toList();
    Optional<String> near = Suggestion.closest(TAGS + slug + "/", tags, Math.max(2, slug.length() / 3));
    return near.map(p -> "did you mean " + p + "?")
        .orElse("the tags/ page lists every tag; tag an article with it, or fix the link");
  }
}
