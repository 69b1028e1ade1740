package org.opsbook.site;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.CoreRules;
import org.opsbook.check.RuleInfo;
import org.opsbook.config.SiteConfig;
import org.opsbook.content.Kind;
import org.opsbook.content.SourceFile;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;
import org.opsbook.maintenance.MaintenanceBuilder;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.theme.AssetCatalogue;

/**
 * Every file the site will contain, with what produced it, so that no source silently replaces a
 * page: an alias, a static file or a page path that lands on a URL the site already produces is an
 * {@code opsbook.duplicate-url} error naming both. The pages opsbook generates (home, tags, archive,
 * search, rules, 404, feeds, sitemap, robots.txt, the search index and the theme's assets) are
 * claimed first, then articles and pages, their files, static files, and last the aliases.
 */
final class UrlClaims {
  /** Who has a URL: {@code generated} for a page opsbook makes, which cannot move. */
  private record Owner(String what, boolean generated) {}

  private final Map<String, Owner> owners = new HashMap<>();
  private final List<Diagnostic> collisions = new ArrayList<>();
  // A site has few tags on many articles, and a slug costs a Unicode normalisation.
  private final Map<String, String> slugs = new HashMap<>();

  private UrlClaims() {}

  /**
   * The last build's claims and findings, which a preview session keeps: when every article claims
   * what it claimed then (the usual edit changes text, not paths, files, tags or aliases), the
   * findings are the same and nothing is claimed again.
   */
  static final class Memory {
    private Object setup;
    private List<ProcessedArticle> published = List.of();
    private List<Diagnostic> collisions;

    /** Whether {@code published} claims what the last build's articles claimed, with the same setup. */
    private boolean same(Object setup, List<ProcessedArticle> now) {
      if (collisions == null || !setup.equals(this.setup) || now.size() != published.size()) {
        return false;
      }
      for (int i = 0; i < now.size(); i++) {
        ProcessedArticle a = now.get(i);
        ProcessedArticle b = published.get(i);
        if (a != b && !(claimsOf(a).equals(claimsOf(b)) && unmentioned(a))) {
          return false;
        }
      }
      return true;
    }

    /** Whether no finding points into the article's folder: its lines may have moved. */
    private boolean unmentioned(ProcessedArticle a) {
      String display = a.article().source().displayPath();
      String folder = display.substring(0, display.lastIndexOf('/') + 1);
      return collisions.stream().noneMatch(d -> d.where().file().startsWith(folder));
    }

    private static List<Object> claimsOf(ProcessedArticle a) {
      return List.of(a.article().sitePath(), a.article().kind(), a.article().source().displayPath(), a.article().assets(),
          a.extraFiles().stream().map(OutputFile::sitePath).toList(), a.meta().tags(), a.meta().aliases());
    }
  }

  /**
   * The collisions among everything this build would write.
   *
   * @param memory the last build's claims, or null to keep none
   */
  static List<Diagnostic> collisions(Memory memory, SiteConfig config, CheckerRegistry registry,
      List<ProcessedArticle> published, List<SourceFile> staticFiles, List<MaintenanceResult> maintenance,
      AssetCatalogue assets) {
    Object setup = List.of(config, staticFiles,
        maintenance.stream().map(m -> List.of(m.name(), m.files().keySet())).toList(),
        assets.all().stream().map(AssetCatalogue.Asset::publishedPath).toList());
    if (memory != null && memory.same(setup, published)) {
      memory.published = List.copyOf(published);
      return memory.collisions;
    }
    List<Diagnostic> found = collisions(config, registry, published, staticFiles, maintenance, assets);
    if (memory != null) {
      memory.setup = setup;
      memory.published = List.copyOf(published);
      memory.collisions = found;
    }
    return found;
  }

  private static List<Diagnostic> collisions(SiteConfig config, CheckerRegistry registry, List<ProcessedArticle> published,
      List<SourceFile> staticFiles, List<MaintenanceResult> maintenance, AssetCatalogue assets) {
    UrlClaims claims = new UrlClaims();
    for (String page : List.of("index.html", "tags/index.html", "archive/index.html", "search/index.html",
        "rules/index.html")) {
      claims.generated(page, "the " + (page.equals("index.html") ? "home" : page.substring(0, page.indexOf('/'))) + " page");
    }
    for (String file : List.of("404.html", "feed.xml", "atom.xml", "sitemap.xml", "robots.txt", "search-index.json")) {
      claims.generated(file, "the generated " + file);
    }
    for (RuleInfo rule : registry.rules()) {
      claims.generated("rules/" + rule.id().value() + "/index.html", "the page of rule " + rule.id().value());
    }
    claims.tagPages(published);
    claims.furtherListPages(config, published);
    for (AssetCatalogue.Asset asset : assets.all()) {
      if (!asset.sourcePath().startsWith("maintenance/")) {
        claims.generated(asset.publishedPath(), "the theme's " + asset.sourcePath());
      }
    }
    for (MaintenanceResult m : maintenance) {
      for (String file : m.files().keySet()) {
        claims.generated(MaintenanceBuilder.FOLDER + "/" + m.name() + "/" + file, "maintenance page " + m.name());
      }
    }
    for (ProcessedArticle p : published) {
      SourceFile source = p.article().source();
      claims.claim(p.article().sitePath() + "index.html", source.displayPath(), new SourceSpan(source.displayPath(), 1, 1));
    }
    for (ProcessedArticle p : published) {
      SourceFile source = p.article().source();
      for (String asset : p.article().assets()) {
        String rel = source.displayPath().substring(0, source.displayPath().lastIndexOf('/') + 1) + asset;
        claims.claim(p.article().sitePath() + asset, rel, new SourceSpan(rel, 1, 1));
      }
      for (OutputFile f : p.extraFiles()) {
        claims.claim(f.sitePath(), "a snippet download of " + source.displayPath(), new SourceSpan(source.displayPath(), 1, 1));
      }
    }
    for (SourceFile f : staticFiles) {
      claims.claim(f.relPath(), f.displayPath(), new SourceSpan(f.displayPath(), 1, 1));
    }
    for (ProcessedArticle p : published) {
      for (String alias : p.meta().aliases()) {
        String path = alias.substring(1);
        String file = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        SourceFile source = p.article().source();
        // The alias's line is looked up only for a collision: finding it reads the source again.
        claims.claim(file, "the alias " + alias + " in " + source.displayPath(),
            () -> new SourceSpan(source.displayPath(), frontMatterLine(source, "aliases:", alias), 1));
      }
    }
    return List.copyOf(claims.collisions);
  }

  /**
   * One page per tag slug. Tags that differ only in case share their page on purpose; tags that
   * differ otherwise but slug alike ({@code C} and {@code C++}, or two tags in a script the slug
   * drops) would silently merge into one page, so the second spelling is an error at its article.
   */
  private void tagPages(List<ProcessedArticle> published) {
    Map<String, String> firstTagBySlug = new TreeMap<>();
    for (ProcessedArticle p : published) {
      if (p.article().kind() != Kind.ARTICLE) {
        continue;
      }
      SourceFile source = p.article().source();
      for (String tag : p.meta().tags()) {
        String slug = slug(tag);
        String first = firstTagBySlug.putIfAbsent(slug, tag);
        if (first == null) {
          generated("tags/" + slug + "/index.html", "the page of tag " + tag);
        } else if (!first.equalsIgnoreCase(tag)) {
          collisions.add(CoreRules.diagnostic(CoreRules.DUPLICATE_URL,
              new SourceSpan(source.displayPath(), frontMatterLine(source, "tags:", tag), 1),
              "tag '" + tag + "' would be published at /tags/" + slug + "/, which is already the page of tag '"
                  + first + "'",
              "spell both tags alike, or rename one so its letters and digits differ"));
        }
      }
    }
  }

  /**
   * Pages 2 and on of each tag, the archive and the home list, when {@code pagination.page_size}
   * cuts them ({@link ListPages}).
   */
  private void furtherListPages(SiteConfig config, List<ProcessedArticle> published) {
    ListPages lists = ListPages.of(published, config, this::slug);
    for (String tag : lists.articlesByTag().keySet()) {
      for (String page : lists.furtherTagPages(tag)) {
        generated(page + "index.html", "a further page of tag " + tag);
      }
    }
    for (String page : lists.furtherArchivePages()) {
      generated(page + "index.html", "a further page of the archive");
    }
    for (String page : lists.furtherHomePages()) {
      generated(page + "index.html", "a further page of the home list");
    }
  }

  private String slug(String tag) {
    return slugs.computeIfAbsent(tag, Slugs::of);
  }

  private void generated(String sitePath, String what) {
    owners.putIfAbsent(sitePath, new Owner(what, true));
  }

  private void claim(String sitePath, String what, SourceSpan where) {
    claim(sitePath, what, () -> where);
  }

  private void claim(String sitePath, String what, Supplier<SourceSpan> placed) {
    // The search index's folders hold a number of files known only once the index is made.
    Owner first = SearchIndexFile.owns(sitePath) ? new Owner("part of the search index", true) : owners.get(sitePath);
    if (first == null) {
      owners.put(sitePath, new Owner(what, false));
      return;
    }
    SourceSpan where = placed.get();
    String url = "/" + (sitePath.endsWith("index.html") ? sitePath.substring(0, sitePath.length() - "index.html".length())
        : sitePath);
    collisions.add(CoreRules.diagnostic(CoreRules.DUPLICATE_URL, where,
        what + " would be published at " + url + ", which is already " + first.what()
            + (first.generated() ? ", a page opsbook generates" : ""),
        first.generated() ? "choose another path: the generated page cannot move"
            : "give one of them another path, or remove the alias"));
  }

  /**
   * The line after {@code key} that names {@code value}, for the diagnostic; the first line when
   * not found.
   */
  private static int frontMatterLine(SourceFile source, String key, String value) {
    try {
      List<String> lines = Files.readAllLines(source.path());
      int from = 0;
      while (from < lines.size() && !lines.get(from).startsWith(key)) {
        from++;
      }
      for (int i = from < lines.size() ? from : 0; i < lines.size(); i++) {
        if (lines.get(i).contains(value)) {
          return i + 1;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The source changed or vanished since it was read; the file itself still locates the alias.
    }
    return 1;
  }
}
