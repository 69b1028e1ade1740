package org.opsbook.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.check.CoreRules;
import org.opsbook.check.Suggestion;
import org.opsbook.content.SiteIndex;
import org.opsbook.diag.Diagnostic;
import org.opsbook.markdown.Anchors;

/**
 * The site-wide check of {@code #fragment} links, run once every article has been processed: a
 * link to a heading of the same or another article must name a heading (or anchor) that page
 * has, or it is an {@code opsbook.broken-anchor} error at the link with the nearest id as a hint.
 * Links to pages the site generates (tags, rules, ...) and to other sites are not checked here;
 * a link to a page that does not exist is {@code opsbook.broken-link}'s.
 */
final class AnchorCheck {
  private AnchorCheck() {}

  static List<Diagnostic> check(List<ProcessedArticle> processed, SiteIndex index) {
    Map<String, ProcessedArticle> bySitePath = new HashMap<>();
    for (ProcessedArticle p : processed) {
      bySitePath.put(p.article().sitePath(), p);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (ProcessedArticle from : processed) {
      for (Anchors.SiteLink link : from.anchors().links()) {
        String href = link.href();
        int hash = href.indexOf('#');
        if (hash < 0) {
          continue;
        }
        ProcessedArticle target;
        if (hash == 0) {
          target = from;
        } else {
          Optional<SiteIndex.Target> t = index.resolve(from.article().source().relPath(), href);
          if (t.isEmpty() || t.get().kind() != SiteIndex.TargetKind.PAGE) {
            continue;
          }
          target = bySitePath.get(t.get().sitePath());
        }
        if (target == null || !target.isPublishable()) {
          continue;
        }
        String fragment = decode(href.substring(hash + 1));
        if (target.anchors().defines(fragment)) {
          continue;
        }
        String page = target == from ? "this page" : target.article().source().displayPath();
        Optional<String> near = Suggestion.closest(fragment, target.anchors().ids(), Math.max(2, fragment.length() / 3));
        String hint = near.map(id -> "did you mean #" + id + "?").orElseGet(() -> headings(target));
        out.add(CoreRules.diagnostic(CoreRules.BROKEN_ANCHOR, link.where(),
            "link to '" + href + "': " + page + " has no heading or anchor '" + fragment + "'", hint));
      }
    }
    return out;
  }

  private static String headings(ProcessedArticle target) {
    List<String> ids = target.toc().stream().map(e -> "#" + e.id()).limit(8).toList();
    return ids.isEmpty() ? "the page has no headings; link to the page itself"
        : "its headings are " + String.join(", ", ids) + (target.toc().size() > ids.size() ? ", ..." : "");
  }

  /** Percent-decodes a fragment as a browser does before looking for the id; bad escapes stay as written. */
  private static String decode(String fragment) {
    if (fragment.indexOf('%') < 0) {
      return fragment;
    }
    try {
      return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return fragment;
    }
  }
}
