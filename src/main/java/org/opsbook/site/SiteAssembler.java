package org.opsbook.site;

import org.opsbook.config.SiteConfig;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.content.Kind;
import org.opsbook.content.SourceFile;
import org.opsbook.markdown.MarkdownPipeline;
import org.opsbook.publish.SiteOutput;
import org.opsbook.theme.AssetCatalog;
import org.opsbook.theme.PageRenderer;
import org.opsbook.theme.ThemeException;

/**
 * Stage 4: turns processed articles into the site — article pages, home, tags, archive, search,
 * rule pages, feeds, sitemap, redirects — and writes them with the theme's assets.
 */
final class SiteAssembler {
  /** Orders articles newest first, then by path, the same on every run. */
  static final Comparator<ProcessedArticle> NEWEST_FIRST =
      Comparator.comparing((ProcessedArticle a) -> a.meta().date(), Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(a -> a.article().sitePath());

  private final SiteConfig config;
  private final PageRenderer renderer;
  private final AssetCatalog assets;
  private final CheckerRegistry registry;
  private final MarkdownPipeline markdown;
  private final PageModels models;
  private final ParallelRunner runner;
  private final BuildCache cache;

  /** @param cache rendered pages kept between builds, or {@code null} */
  SiteAssembler(SiteConfig config, PageRenderer renderer, AssetCatalog assets, CheckerRegistry registry,
      MarkdownPipeline markdown, ParallelRunner runner, BuildCache cache) {
    this.cache = cache;
    this.config = config;
    this.renderer = renderer;
    this.assets = assets;
    this.registry = registry;
    this.markdown = markdown;
    this.models = new PageModels(config);
    this.runner = runner;
  }

  /**
   * Writes the whole site.
   *
   * @param published the articles and pages to publish (no drafts unless asked, none with broken front matter)
   */
  void write(List<ProcessedArticle> published, List<SourceFile> staticFiles, SiteOutput out)
      throws IOException, ThemeException {
    List<ProcessedArticle> articles = published.stream().filter(a -> a.article().kind() == Kind.ARTICLE)
        .sorted(NEWEST_FIRST).toList();
    List<ProcessedArticle> pages = published.stream().filter(a -> a.article().kind() == Kind.PAGE)
        .sorted(Comparator.comparing(a -> a.article().sitePath())).toList();

    List<Callable<Void>> jobs = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      ProcessedArticle a = articles.get(i);
      ProcessedArticle newer = i > 0 ? articles.get(i - 1) : null;
      ProcessedArticle older = i + 1 < articles.size() ? articles.get(i + 1) : null;
      jobs.add(() -> {
        out.write(a.article().sitePath() + "index.html", articlePage(a, newer, older));
        writeArticleFiles(a, out);
        return null;
      });
    }
    for (ProcessedArticle p : pages) {
      jobs.add(() -> {
        out.write(p.article().sitePath() + "index.html", renderer.render("page", models.standalone(p)));
        writeArticleFiles(p, out);
        return null;
      });
    }
    runner.runAll(jobs);

    writeHome(articles, out);
    List<String> tagPaths = writeTags(articles, out);
    writeArchive(articles, out);
    writeSimple("search", "Search", "search/index.html", "search/", out);
    writeSimple("404", "Page not found", "404.html", "404.html", out);
    List<String> rulePaths = new RulePages(config, renderer, registry, markdown, models).write(out);
    writeAliases(published, out);
    SearchIndexFile.write(published, out);
    out.write("feed.xml", Feeds.rss(config, articles));
    out.write("atom.xml", Feeds.atom(config, articles));
    List<String> others = new ArrayList<>();
    others.add("");
    pages.forEach(p -> others.add(p.article().sitePath()));
    others.add("tags/");
    others.addAll(tagPaths);
    others.add("archive/");
    others.add("rules/");
    others.addAll(rulePaths);
    out.write("sitemap.xml", Feeds.sitemap(config, articles, others));
    out.write("robots.txt", "User-agent: *\nAllow: /\nSitemap: " + config.absoluteUrl("sitemap.xml") + "\n");
    for (AssetCatalog.Asset asset : assets.all()) {
      // Maintenance assets are inlined into the maintenance pages, never linked.
      if (!asset.sourcePath().startsWith("maintenance/")) {
        out.write(asset.publishedPath(), asset.bytes());
      }
    }
    for (SourceFile f : staticFiles) {
      out.copy(f.relPath(), f.path());
    }
  }

  private String articlePage(ProcessedArticle a, ProcessedArticle newer, ProcessedArticle older) throws ThemeException {
    String rel = a.article().source().relPath();
    if (cache != null) {
      java.util.Optional<String> hit = cache.page(rel, a, newer, older);
      if (hit.isPresent()) {
        return hit.get();
      }
    }
    String html = renderer.render("article", models.article(a, newer, older));
    if (cache != null) {
      cache.putPage(rel, a, newer, older, html);
    }
    return html;
  }

  private void writeArticleFiles(ProcessedArticle a, SiteOutput out) throws IOException {
    for (String asset : a.article().assets()) {
      out.copy(a.article().sitePath() + asset, a.article().source().path().resolveSibling(asset));
    }
    for (OutputFile f : a.extraFiles()) {
      out.write(f.sitePath(), f.bytes());
    }
  }

  private void writeHome(List<ProcessedArticle> articles, SiteOutput out) throws IOException, ThemeException {
    Map<String, Object> model = models.base(config.title(), config.description(), "", "home");
    model.put("articles", models.summaries(articles.subList(0, Math.min(config.homeArticles(), articles.size()))));
    model.put("articleCount", articles.size());
    model.put("tags", tagCloud(articles));
    model.put("stats", stats(articles));
    out.write("index.html", renderer.render("home", model));
  }

  private Map<String, Object> stats(List<ProcessedArticle> articles) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("articles", articles.size());
    s.put("snippets", articles.stream().mapToLong(a -> a.snippets().stream().filter(r -> r.checked()).count()).sum());
    s.put("tests", articles.stream().mapToLong(a -> a.tests().stream().mapToLong(t -> t.results().size()).sum()).sum());
    return s;
  }

  private List<Map<String, Object>> tagCloud(List<ProcessedArticle> articles) {
    Map<String, List<ProcessedArticle>> byTag = byTag(articles);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, List<ProcessedArticle>> e : byTag.entrySet()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", e.getValue().get(0).meta().tags().stream().filter(x -> models.slug(x).equals(e.getKey())).findFirst()
          .orElse(e.getKey()));
      t.put("url", config.basePath() + "tags/" + e.getKey() + "/");
      t.put("count", e.getValue().size());
      out.add(t);
    }
    return out;
  }

  /** Articles by tag slug, sorted by slug; each list newest first. */
  private Map<String, List<ProcessedArticle>> byTag(List<ProcessedArticle> articles) {
    Map<String, List<ProcessedArticle>> byTag = new TreeMap<>();
    for (ProcessedArticle a : articles) {
      // Two tags of one article may share a slug ("TLS", "tls"); list the article once.
      java.util.Set<String> slugs = new java.util.TreeSet<>();
      for (String tag : a.meta().tags()) {
        String slug = models.slug(tag);
        if (slugs.add(slug)) {
          byTag.computeIfAbsent(slug, k -> new ArrayList<>()).add(a);
        }
      }
    }
    return byTag;
  }

  private List<String> writeTags(List<ProcessedArticle> articles, SiteOutput out) throws IOException, ThemeException {
    Map<String, Object> index = models.base("Tags", "Every tag on " + config.title(), "tags/", "tags");
    index.put("tags", tagCloud(articles));
    out.write("tags/index.html", renderer.render("tags", index));
    List<String> paths = new ArrayList<>();
    List<Callable<Void>> jobs = new ArrayList<>();
    for (Map.Entry<String, List<ProcessedArticle>> e : byTag(articles).entrySet()) {
      String path = "tags/" + e.getKey() + "/";
      paths.add(path);
      String name = e.getValue().get(0).meta().tags().stream().filter(x -> models.slug(x).equals(e.getKey())).findFirst()
          .orElse(e.getKey());
      jobs.add(() -> {
        Map<String, Object> model = models.base("Tagged “" + name + "”", "Articles tagged " + name, path, "tag");
        model.put("tag", name);
        model.put("articles", models.summaries(e.getValue()));
        out.write(path + "index.html", renderer.render("list", model));
        return null;
      });
    }
    runner.runAll(jobs);
    return paths;
  }

  private void writeArchive(List<ProcessedArticle> articles, SiteOutput out) throws IOException, ThemeException {
    Map<Integer, List<ProcessedArticle>> byYear = new TreeMap<>(Comparator.reverseOrder());
    for (ProcessedArticle a : articles) {
      LocalDate d = a.meta().date();
      byYear.computeIfAbsent(d == null ? 0 : d.getYear(), k -> new ArrayList<>()).add(a);
    }
    List<Map<String, Object>> years = new ArrayList<>();
    for (Map.Entry<Integer, List<ProcessedArticle>> e : byYear.entrySet()) {
      Map<String, Object> y = new LinkedHashMap<>();
      y.put("year", e.getKey() == 0 ? "Undated" : String.valueOf(e.getKey()));
      y.put("articles", models.summaries(e.getValue()));
      years.add(y);
    }
    Map<String, Object> model = models.base("Archive", "Every article by year", "archive/", "archive");
    model.put("years", years);
    out.write("archive/index.html", renderer.render("archive", model));
  }

  private void writeSimple(String template, String title, String file, String sitePath, SiteOutput out)
      throws IOException, ThemeException {
    out.write(file, renderer.render(template, models.base(title, "", sitePath, template)));
  }

  private void writeAliases(List<ProcessedArticle> published, SiteOutput out) throws IOException, ThemeException {
    for (ProcessedArticle a : published) {
      for (String alias : a.meta().aliases()) {
        String path = alias.substring(1);
        String file = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        Map<String, Object> model = models.base(a.meta().title(), "", a.article().sitePath(), "redirect");
        model.put("target", config.basePath() + a.article().sitePath());
        out.write(file, renderer.render("redirect", model));
      }
    }
  }
}
