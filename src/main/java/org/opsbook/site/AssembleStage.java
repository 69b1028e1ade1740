package org.opsbook.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.config.SiteConfig;
import org.opsbook.content.Kind;
import org.opsbook.content.SourceFile;
import org.opsbook.maintenance.MaintenanceBuilder;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.markdown.MarkdownPipeline;
import org.opsbook.publish.SiteOutput;
import org.opsbook.theme.AssetCatalogue;
import org.opsbook.theme.PageRenderer;
import org.opsbook.theme.ThemeException;

/**
 * Stage 3, assemble: turns processed articles into the site (article pages, home, tags, archive,
 * search, rule pages, feeds, sitemap, redirects, the theme's assets, the content's files) and
 * hands each file to the output as soon as it is made. A page whose key equals the one it had in
 * {@link PageMemory} is not made again.
 */
final class AssembleStage {
  static final String NAME = "assemble";

  /** Orders articles newest first, then by path, the same on every run. */
  static final Comparator<ProcessedArticle> NEWEST_FIRST =
      Comparator.comparing((ProcessedArticle a) -> a.meta().date(), Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(a -> a.article().sitePath());

  /**
   * What the stage made.
   *
   * @param files how many files the site has
   * @param rendered how many of them were made again rather than taken from an earlier build
   */
  record AssembledSite(int files, int rendered) {}

  /**
   * What an article page is made from: the article itself, its neighbours as lists show them, and
   * its facts (last update, series neighbours), all compared by value but the article itself.
   */
  private record ArticlePageKey(ProcessedArticle article, Map<String, Object> newer, Map<String, Object> older,
      PageModels.ArticleFacts facts) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ArticlePageKey k && k.article == article && java.util.Objects.equals(k.newer, newer)
          && java.util.Objects.equals(k.older, older) && k.facts.equals(facts);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(article);
    }
  }

  /** A value compared by identity: the object itself stands for what it was made from. */
  private record Same(Object value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Same s && s.value == value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(value);
    }
  }

  /** A page rendered from a template and a model. */
  private record TemplateKey(String template, Map<String, Object> model) {}

  /**
   * A feed: its format, the site's settings, the newest articles it lists and the latest date of
   * any article (the feed's own date).
   */
  private record FeedKey(String format, SiteConfig config, List<Same> newest, LocalDate updated) {}

  /** What the sitemap says about an article. */
  private record SitemapEntry(String sitePath, LocalDate date, LocalDate updated) {}

  @FunctionalInterface
  private interface Maker {
    byte[] make() throws IOException, ThemeException;
  }

  private final LoadedSite site;
  private final SiteConfig config;
  private final CheckerRegistry registry;
  private final MarkdownPipeline markdown;
  private final ParallelRunner runner;
  private final PageMemory memory;
  private final SiteOutput out;
  private final PageRenderer renderer;
  private final PageModels models;
  private final Set<String> paths;
  private final AtomicInteger rendered = new AtomicInteger();

  AssembleStage(LoadedSite site, CheckerRegistry registry, MarkdownPipeline markdown, ParallelRunner runner,
      PageMemory memory, SiteOutput out) {
    this.site = site;
    this.config = site.config();
    this.registry = registry;
    this.markdown = markdown;
    this.runner = runner;
    this.memory = memory;
    this.out = out;
    memory.begin(site.theme(), site.assets(), site.themeFingerprint(), config);
    this.paths = ConcurrentHashMap.newKeySet(Math.max(16, memory.size() + memory.size() / 4));
    this.renderer = memory.renderer();
    this.models = memory.models();
  }

  /**
   * Makes the whole site.
   *
   * @param published the articles and pages to publish (no drafts unless asked, none with broken front matter)
   */
  AssembledSite assemble(List<ProcessedArticle> published, List<MaintenanceResult> maintenance)
      throws IOException, ThemeException {
    // In a preview, most edits change an article's body and nothing its lists show: then the list
    // pages stay as they are, and so does every other article's page (see PageMemory).
    String gitHead = site.lastCommits().head();
    // The sitemap lists the rule pages, so a checker coming into use or going out of it is a list change.
    Set<String> ruleCheckers = RulePages.checkersShown(published, maintenance);
    Set<ProcessedArticle> changed = memory.changedWithSameLists(published, gitHead, ruleCheckers, this::sameListing);
    List<ProcessedArticle> articles = memory.newestFirst(
        published.stream().filter(a -> a.article().kind() == Kind.ARTICLE).toList(), NEWEST_FIRST, changed);
    List<ProcessedArticle> pages = published.stream().filter(a -> a.article().kind() == Kind.PAGE)
        .sorted(Comparator.comparing(a -> a.article().sitePath())).toList();
    Map<String, List<ProcessedArticle>> byTag = byTag(articles);
    // Every article's place in its series, or, when few articles changed, looked up for those.
    Map<String, Map<ProcessedArticle, Integer>> seriesPositions = changed == null ? positions(byTag) : null;
    // Keys are worked out here, in order; only the pages whose key changed become jobs.
    List<Callable<Void>> jobs = new ArrayList<>();
    // The search index's merge is the first job: it runs beside the article pages, where on its
    // own after them it kept one core busy and the others waiting.
    List<SearchEntry> entries = published.stream().sorted(Comparator.comparing(a -> a.article().sitePath()))
        .map(ProcessedArticle::search).toList();
    List<SortedMap<String, SearchIndexFile.File>> searchIndex = new ArrayList<>(1);
    jobs.add(() -> {
      searchIndex.add(memory.searchIndex().files(entries));
      return null;
    });
    for (int i = 0; i < articles.size(); i++) {
      ProcessedArticle a = articles.get(i);
      List<String> own = memory.ownFiles(a);
      String path = own.get(0);
      if (changed != null && !changed.contains(a) && kept(own)) {
        continue;
      }
      int at = i;
      Supplier<ArticlePageKey> keyOf = () -> new ArticlePageKey(a, summary(at > 0 ? articles.get(at - 1) : null),
          summary(at + 1 < articles.size() ? articles.get(at + 1) : null), facts(a, byTag, seriesPositions));
      // A build that keeps nothing has no key to compare; each job makes its own, so a large site
      // does not hold every page's model at once.
      ArticlePageKey known = memory.keeps() ? keyOf.get() : null;
      if (needed(path, known)) {
        jobs.add(() -> {
          ArticlePageKey key = known != null ? known : keyOf.get();
          made(path, key, html(renderer.render("article", models.article(a, key.newer(), key.older(), key.facts()))));
          return null;
        });
      }
      articleFiles(a, jobs);
    }
    for (ProcessedArticle p : pages) {
      String path = p.article().sitePath() + "index.html";
      if (needed(path, new Same(p))) {
        jobs.add(() -> {
          made(path, new Same(p), html(renderer.render("page", models.standalone(p))));
          return null;
        });
      }
      articleFiles(p, jobs);
    }
    runner.runAll(jobs);

    List<String> homePages = List.of();
    List<String> tagPaths = List.of();
    List<String> archivePages = List.of();
    if (changed == null) {
      homePages = writeHome(articles, byTag);
      tagPaths = writeTags(byTag);
      archivePages = writeArchive(articles);
    }
    page("search", "search/index.html", models.base("Search", "", "search/", "search"));
    page("404", "404.html", models.base("Page not found", "", "404.html", "404"));
    List<String> rulePaths = writeRules(ruleCheckers);
    writeAliases(published);
    // Written by the workers, as the pages are. The index hands back the very objects of the files
    // it did not make again, so they are compared by identity.
    List<Callable<Void>> searchFiles = new ArrayList<>();
    for (Map.Entry<String, SearchIndexFile.File> f : searchIndex.get(0).entrySet()) {
      Same key = new Same(f.getValue());
      if (needed(f.getKey(), key)) {
        searchFiles.add(() -> {
          made(f.getKey(), key, f.getValue().content());
          return null;
        });
      }
    }
    runner.runAll(searchFiles);
    // The feeds show the newest articles, as processed: the same objects give the same feeds.
    List<Same> newest = articles.subList(0, Math.min(Feeds.FEED_ENTRIES, articles.size())).stream()
        .map(Same::new).toList();
    LocalDate updated = Feeds.newest(articles);
    emit("feed.xml", new FeedKey("rss", config, newest, updated), () -> utf8(Feeds.rss(config, articles)));
    emit("atom.xml", new FeedKey("atom", config, newest, updated), () -> utf8(Feeds.atom(config, articles)));
    if (changed == null) {
      List<String> others = new ArrayList<>();
      others.add("");
      others.addAll(homePages);
      pages.forEach(p -> others.add(p.article().sitePath()));
      others.add("tags/");
      others.addAll(tagPaths);
      others.add("archive/");
      others.addAll(archivePages);
      others.add("rules/");
      others.addAll(rulePaths);
      List<SitemapEntry> listed = articles.stream().map(a -> new SitemapEntry(a.article().sitePath(), a.meta().date(),
          lastUpdate(a))).toList();
      emit("sitemap.xml", List.of(config, listed, others),
          () -> utf8(Feeds.sitemap(config, articles, this::lastUpdate, others)));
      Set<String> listFiles = new java.util.HashSet<>(List.of("index.html", "tags/index.html", "archive/index.html",
          "sitemap.xml"));
      for (List<String> folders : List.of(homePages, tagPaths, archivePages)) {
        folders.forEach(f -> listFiles.add(f + "index.html"));
      }
      memory.listed(published, gitHead, ruleCheckers, listFiles);
    } else {
      paths.addAll(memory.listFiles());
      memory.listed(published, gitHead, ruleCheckers, memory.listFiles());
    }
    text("robots.txt", "User-agent: *\nAllow: /\nSitemap: " + config.absoluteUrl("sitemap.xml") + "\n");
    for (AssetCatalogue.Asset asset : site.assets().all()) {
      // Maintenance assets are inlined into the maintenance pages, never linked.
      if (!asset.sourcePath().startsWith("maintenance/")) {
        emit(asset.publishedPath(), new Same(asset), asset::bytes);
      }
    }
    for (SourceFile f : site.tree().staticFiles()) {
      copy(f.relPath(), f.path(), f.relPath());
    }
    for (MaintenanceResult r : maintenance) {
      if (r.hasErrors()) {
        continue;
      }
      for (Map.Entry<String, byte[]> f : r.files().entrySet()) {
        emit(MaintenanceBuilder.FOLDER + "/" + r.name() + "/" + f.getKey(), new Same(f.getValue()), f::getValue);
      }
    }
    if (memory.keeps()) {
      Set<ProcessedArticle> shown = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      shown.addAll(published);
      memory.retain(paths, shown);
    }
    return new AssembledSite(paths.size(), rendered.get());
  }

  private Map<String, Object> summary(ProcessedArticle a) {
    return a == null ? null : models.summary(a);
  }

  /** Hands a file to the output unless the memory has it from an equal key. */
  private void emit(String path, Object key, Maker maker) throws IOException, ThemeException {
    if (needed(path, key)) {
      made(path, key, maker.make());
    }
  }

  /** Counts the file in, and says whether it must be made: the memory has none from an equal key. */
  private boolean needed(String path, Object key) {
    paths.add(path);
    return memory.reuse(path, key) == null;
  }

  private void made(String path, Object key, byte[] bytes) throws IOException {
    memory.remember(path, key, bytes);
    out.write(path, bytes);
    rendered.incrementAndGet();
  }

  private void page(String template, String path, Map<String, Object> model) throws IOException, ThemeException {
    emit(path, new TemplateKey(template, model), () -> html(renderer.render(template, model)));
  }

  private void text(String path, String content) throws IOException, ThemeException {
    emit(path, content, () -> utf8(content));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A file copied from the content folder as it is. Into memory, it is read again only when the
   * change set names it (or the memory lost it).
   *
   * @param relPath its content-relative path
   */
  private void copy(String path, Path source, String relPath) throws IOException {
    paths.add(path);
    if (!memory.keeps()) {
      out.copy(path, source);
      rendered.incrementAndGet();
    } else if (site.changed(relPath) || !memory.has(path)) {
      made(path, relPath, Files.readAllBytes(source));
    }
  }

  private static byte[] html(String html) {
    return html.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether two versions of an article look the same in every list: path, title, dates (the
   * sitemap shows {@code updated:}), tags, summary and counts.
   */
  private boolean sameListing(ProcessedArticle now, ProcessedArticle was) {
    return now.article().sitePath().equals(was.article().sitePath()) && now.article().kind() == was.article().kind()
        && now.isPublishable() && was.isPublishable()
        && java.util.Objects.equals(now.meta().updated(), was.meta().updated())
        && models.summary(now).equals(models.summary(was));
  }

  /** The place of an article, by identity. */
  private static int indexOf(List<ProcessedArticle> series, ProcessedArticle a) {
    for (int i = 0; i < series.size(); i++) {
      if (series.get(i) == a) {
        return i;
      }
    }
    throw new IllegalArgumentException("not in its series: " + a.article().sitePath());
  }

  /**
   * Whether the memory has every one of these files and none of them changed on disk; if so, they
   * are counted in as kept.
   */
  private boolean kept(List<String> files) {
    for (String f : files) {
      if (site.changed(f) || !memory.has(f)) {
        return false;
      }
    }
    paths.addAll(files);
    return true;
  }

  /** The article's images and downloads: copies and snippet downloads become jobs when needed. */
  private void articleFiles(ProcessedArticle a, List<Callable<Void>> jobs) {
    for (String asset : a.article().assets()) {
      String path = a.article().sitePath() + asset;
      if (memory.keeps() && !site.changed(path) && memory.has(path)) {
        paths.add(path);
        continue;
      }
      jobs.add(() -> {
        copy(path, a.article().source().path().resolveSibling(asset), path);
        return null;
      });
    }
    for (OutputFile f : a.extraFiles()) {
      if (needed(f.sitePath(), new Same(f))) {
        jobs.add(() -> {
          made(f.sitePath(), new Same(f), f.bytes());
          return null;
        });
      }
    }
  }

  /** Writes the home page and, when pagination is on, its further pages; returns the further pages' paths. */
  private List<String> writeHome(List<ProcessedArticle> articles, Map<String, List<ProcessedArticle>> byTag)
      throws IOException, ThemeException {
    int size = Pagination.homeSize(config);
    int count = Pagination.count(articles.size(), size);
    for (int n = 1; n <= count; n++) {
      String path = Pagination.path("", n);
      Map<String, Object> model = models.base(n == 1 ? config.title() : config.title() + " · page " + n,
          config.description(), path, "home");
      List<ProcessedArticle> shown = size > 0 ? Pagination.slice(articles, size, n)
          : articles.subList(0, Math.min(config.homeArticles(), articles.size()));
      model.put("articles", models.summaries(shown));
      model.put("articleCount", articles.size());
      model.put("tags", n == 1 ? tagCloud(byTag) : List.of());
      model.put("stats", stats(articles));
      model.put("pagination", Pagination.model(config, "", n, count));
      page("home", path + "index.html", model);
    }
    return Pagination.extraPaths("", articles.size(), size);
  }

  /** The day of the article's last commit when the project is a git checkout, else its {@code updated:}. */
  private LocalDate lastUpdate(ProcessedArticle a) {
    LocalDate committed = site.lastCommits().day(a.article().source().relPath());
    return committed != null ? committed : a.meta().updated();
  }

  /** Each tag's articles by identity to their place in the tag's list (newest first). */
  private static Map<String, Map<ProcessedArticle, Integer>> positions(Map<String, List<ProcessedArticle>> byTag) {
    Map<String, Map<ProcessedArticle, Integer>> out = new java.util.HashMap<>();
    for (Map.Entry<String, List<ProcessedArticle>> e : byTag.entrySet()) {
      Map<ProcessedArticle, Integer> at = new java.util.IdentityHashMap<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        at.put(e.getValue().get(i), i);
      }
      out.put(e.getKey(), at);
    }
    return out;
  }

  /**
   * The facts an article page shows beyond the article: its last update (the day of its last git
   * commit, else {@code updated:}) and its series, the articles sharing its first tag, in which
   * the previous one is the next older and the next one the next newer.
   */
  private PageModels.ArticleFacts facts(ProcessedArticle a, Map<String, List<ProcessedArticle>> byTag,
      Map<String, Map<ProcessedArticle, Integer>> positions) {
    LocalDate updated = lastUpdate(a);
    List<String> slugs = models.tagSlugs(a);
    if (slugs.isEmpty() || byTag.get(slugs.get(0)).size() < 2) {
      return new PageModels.ArticleFacts(updated, null, null, null);
    }
    String slug = slugs.get(0);
    List<ProcessedArticle> series = byTag.get(slug);
    int at = positions != null ? positions.get(slug).get(a) : indexOf(series, a);
    Map<String, Object> tag = new LinkedHashMap<>();
    tag.put("name", tagName(slug, series));
    tag.put("url", config.basePath() + "tags/" + slug + "/");
    tag.put("count", series.size());
    tag.put("position", series.size() - at);
    return new PageModels.ArticleFacts(updated, tag, summary(at + 1 < series.size() ? series.get(at + 1) : null),
        summary(at > 0 ? series.get(at - 1) : null));
  }

  private Map<String, Object> stats(List<ProcessedArticle> articles) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("articles", articles.size());
    s.putAll(CheckCounts.sum(articles).toModel());
    return s;
  }

  private List<Map<String, Object>> tagCloud(Map<String, List<ProcessedArticle>> byTag) {
    List<Map<String, Object>> cloud = new ArrayList<>();
    for (Map.Entry<String, List<ProcessedArticle>> e : byTag.entrySet()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", tagName(e.getKey(), e.getValue()));
      t.put("url", config.basePath() + "tags/" + e.getKey() + "/");
      t.put("count", e.getValue().size());
      cloud.add(t);
    }
    return cloud;
  }

  private String tagName(String slug, List<ProcessedArticle> tagged) {
    return tagged.get(0).meta().tags().stream().filter(x -> models.slug(x).equals(slug)).findFirst().orElse(slug);
  }

  /** Articles by tag slug, sorted by slug; each list newest first. */
  private Map<String, List<ProcessedArticle>> byTag(List<ProcessedArticle> articles) {
    Map<String, List<ProcessedArticle>> byTag = new java.util.HashMap<>();
    for (ProcessedArticle a : articles) {
      for (String slug : models.tagSlugs(a)) {
        byTag.computeIfAbsent(slug, k -> new ArrayList<>()).add(a);
      }
    }
    return new TreeMap<>(byTag);
  }

  private List<String> writeTags(Map<String, List<ProcessedArticle>> byTag) throws IOException, ThemeException {
    Map<String, Object> index = models.base("Tags", "Every tag on " + config.title(), "tags/", "tags");
    index.put("tags", tagCloud(byTag));
    page("tags", "tags/index.html", index);
    List<String> tagPaths = new ArrayList<>();
    List<Callable<Void>> jobs = new ArrayList<>();
    for (Map.Entry<String, List<ProcessedArticle>> e : byTag.entrySet()) {
      String path = "tags/" + e.getKey() + "/";
      tagPaths.add(path);
      String name = tagName(e.getKey(), e.getValue());
      int size = Pagination.listSize(config);
      int count = Pagination.count(e.getValue().size(), size);
      tagPaths.addAll(Pagination.extraPaths(path, e.getValue().size(), size));
      for (int n = 1; n <= count; n++) {
        int number = n;
        jobs.add(() -> {
          String at = Pagination.path(path, number);
          Map<String, Object> model = models.base("Tagged “" + name + "”" + (number == 1 ? "" : " · page " + number),
              "Articles tagged " + name, at, "tag");
          model.put("tag", name);
          model.put("articleCount", e.getValue().size());
          model.put("articles", models.summaries(Pagination.slice(e.getValue(), size, number)));
          model.put("pagination", Pagination.model(config, path, number, count));
          page("list", at + "index.html", model);
          return null;
        });
      }
    }
    runner.runAll(jobs);
    return tagPaths;
  }

  /** Writes the archive and its further pages; returns the further pages' paths. */
  private List<String> writeArchive(List<ProcessedArticle> articles) throws IOException, ThemeException {
    int size = Pagination.listSize(config);
    int count = Pagination.count(articles.size(), size);
    for (int n = 1; n <= count; n++) {
      Map<Integer, List<ProcessedArticle>> byYear = new TreeMap<>(Comparator.reverseOrder());
      for (ProcessedArticle a : Pagination.slice(articles, size, n)) {
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
      String path = Pagination.path("archive/", n);
      Map<String, Object> model = models.base(n == 1 ? "Archive" : "Archive · page " + n, "Every article by year", path,
          "archive");
      model.put("years", years);
      model.put("pagination", Pagination.model(config, "archive/", n, count));
      page("archive", path + "index.html", model);
    }
    return Pagination.extraPaths("archive/", articles.size(), size);
  }

  /** The rule pages of the checkers in use; see {@link RulePages}. */
  private List<String> writeRules(Set<String> checkers) throws IOException, ThemeException {
    RuleExplanations prerendered = memory.prerenderedExplanations();
    RulePages rules = new RulePages(config, registry, models,
        rule -> memory.explanation(rule.id().value(), () -> prerendered.html(rule, markdown)), checkers);
    List<String> rulePaths = new ArrayList<>();
    List<Callable<Void>> jobs = new ArrayList<>();
    for (RulePages.Page p : rules.pages()) {
      rulePaths.add(p.sitePath());
      jobs.add(() -> {
        page("rule", p.sitePath() + "index.html", rules.model(p));
        return null;
      });
    }
    page("rules", "rules/index.html", rules.index());
    runner.runAll(jobs);
    return rulePaths;
  }

  private void writeAliases(List<ProcessedArticle> published) throws IOException, ThemeException {
    for (ProcessedArticle a : published) {
      for (String alias : a.meta().aliases()) {
        String path = alias.substring(1);
        String file = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        Map<String, Object> model = models.base(a.meta().title(), "", a.article().sitePath(), "redirect");
        model.put("target", config.basePath() + a.article().sitePath());
        page("redirect", file, model);
      }
    }
  }
}
