package org.opsbook.maintenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.content.Utf8Text;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;
import org.opsbook.maintenance.inline.SelfContainedPage;
import org.opsbook.maintenance.page.MaintenancePage;
import org.opsbook.maintenance.page.MaintenancePageParser;
import org.opsbook.maintenance.page.PageLink;
import org.opsbook.maintenance.render.PageContext;
import org.opsbook.maintenance.render.PageTemplate;
import org.opsbook.maintenance.servers.HaproxyConfig;
import org.opsbook.maintenance.servers.ServedPage;
import org.opsbook.maintenance.servers.ServerConfig;
import org.opsbook.maintenance.servers.ServerConfigs;

/**
 * Builds maintenance pages: {@code content/maintenance/NAME.md} becomes {@code index.html} (one
 * self-contained file in the theme's look) plus {@code nginx.conf}, {@code apache.conf}, {@code
 * varnish.vcl} and {@code haproxy.cfg} that serve it. This is the one entry point for {@code
 * opsbook build} and {@code opsbook maintenance}. Thread-safe: pages may be built in parallel.
 */
public final class MaintenanceBuilder {
  /** The folder of maintenance pages inside the content folder. */
  public static final String FOLDER = "maintenance";
  static final String BUDGET_RULE = "maintenance.over-budget";
  static final String HAPROXY_RULE = "maintenance.haproxy-buffer";
  static final String IO_RULE = "maintenance.io";

  static final String GENERATED_RULE = "maintenance.generated-config";

  private final MaintenanceSettings settings;
  private final MarkdownRenderer markdown;
  private final CheckerRegistry checkers;
  private final PageTemplate template;

  /** A builder whose generated configs are not run through any checker. */
  public MaintenanceBuilder(MaintenanceSettings settings, MarkdownRenderer markdown) {
    this(settings, markdown, CheckerRegistry.of(List.of()));
  }

  /**
   * @param checkers generated configs are checked by the checker claiming their language ({@code
   *     nginx}, {@code apache}, {@code vcl}, {@code haproxy}) when there is one
   */
  public MaintenanceBuilder(MaintenanceSettings settings, MarkdownRenderer markdown, CheckerRegistry checkers) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.markdown = Objects.requireNonNull(markdown, "markdown");
    this.checkers = Objects.requireNonNull(checkers, "checkers");
    this.template = new PageTemplate(settings.theme());
  }

  /** The names of the pages in the content folder's {@code maintenance/}, sorted. */
  public static List<String> pageNames(Path contentDir) throws IOException {
    Path dir = contentDir.resolve(FOLDER);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString())
          .filter(file -> file.endsWith(".md"))
          .map(file -> file.substring(0, file.length() - 3))
          .sorted()
          .toList();
    }
  }

  /**
   * Builds one page and writes its files into {@code outDir} (created if needed) when there are
   * no errors. Nothing is written otherwise.
   */
  public MaintenanceResult buildTo(String name, Path outDir) throws IOException {
    MaintenanceResult result = build(name);
    if (!result.hasErrors()) {
      Files.createDirectories(outDir);
      for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
        Files.write(outDir.resolve(file.getKey()), file.getValue());
      }
    }
    return result;
  }

  /** Builds one page in memory: reads, renders, inlines, verifies and generates the configs. */
  public MaintenanceResult build(String name) throws IOException {
    String relative = settings.contentDisplay() + "/" + FOLDER + "/" + name + ".md";
    Path source = settings.contentDir().resolve(FOLDER).resolve(name + ".md");
    if (!Files.isRegularFile(source)) {
      return failed(name, List.of(Diagnostic.error(new SourceSpan(relative, 1, 1), IO_RULE,
          "no maintenance page '" + name + "'").withHint("create " + relative + pagesHint())));
    }
    try {
      return build(name, relative, Utf8Text.read(source));
    } catch (Utf8Text.InvalidUtf8Exception e) {
      return failed(name, List.of(e.diagnostic(relative)));
    }
  }

  /**
   * Builds one page from its source text; {@code opsbook build} calls this for every file in
   * {@code content/maintenance/} and writes {@link MaintenanceResult#files()} to {@code
   * site/maintenance/NAME/}.
   *
   * @param name the file name without {@code .md}
   * @param sourceFile how diagnostics name the file, e.g. {@code content/maintenance/upgrade.md}
   * @param text the file's content
   */
  public MaintenanceResult build(String name, String sourceFile, String text) {
    MaintenancePageParser.Result parsed = MaintenancePageParser.parse(name, sourceFile, text);
    if (parsed.page().isEmpty()) {
      return failed(name, parsed.diagnostics());
    }
    return build(parsed.page().get(), parsed.diagnostics());
  }

  /** Builds a page model that is already parsed (and perhaps adjusted, as tests do). */
  public MaintenanceResult build(MaintenancePage page, List<Diagnostic> earlier) {
    List<Diagnostic> diagnostics = new ArrayList<>(earlier);
    String templateFile = template.file().map(this::display).orElse("themes/default/templates/maintenance.peb");
    Map<String, Object> context = PageContext.of(page, markdown.toHtml(page.bodyMarkdown()), settings.siteTitle(),
        settings.language(), settings.reference());
    context.put("theme", Map.of("site_css", settings.staticDirs().stream()
        .anyMatch(dir -> Files.isRegularFile(dir.resolve("css/site.css")))));
    PageTemplate.Rendered rendered = template.render(context, templateFile);
    diagnostics.addAll(rendered.diagnostics());
    if (rendered.html().isEmpty()) {
      return failed(page.name(), diagnostics);
    }
    Set<String> navigation = new LinkedHashSet<>();
    for (PageLink link : page.links()) {
      navigation.add(link.href());
    }
    SelfContainedPage.Result inlined =
        new SelfContainedPage(settings.staticDirs(), this::display).build(rendered.html().get(), templateFile, navigation);
    diagnostics.addAll(inlined.diagnostics());
    if (inlined.bytes().isEmpty()) {
      return failed(page.name(), diagnostics);
    }
    byte[] html = inlined.bytes().get();
    SourceSpan at = new SourceSpan(page.sourceFile(), 1, 1);
    if (html.length > settings.budgetBytes()) {
      diagnostics.add(Diagnostic.warning(at, BUDGET_RULE,
              "the page is " + html.length + " bytes, over the budget of " + settings.budgetBytes() + " bytes")
          .withHint("use a smaller logo or fewer fonts; every byte is inlined into the page"));
    }
    ServedPage served = new ServedPage(page, inlined.policy().forHeader(), html.length);
    if (!HaproxyConfig.fitsDefaultBuffer(served)) {
      diagnostics.add(Diagnostic.warning(at, HAPROXY_RULE,
              "the page and its headers need " + HaproxyConfig.replyBytes(served) + " bytes, more than the "
                  + (HaproxyConfig.DEFAULT_BUFSIZE - HaproxyConfig.DEFAULT_MAXREWRITE)
                  + " HAProxy's default buffer leaves for a reply")
          .withHint("haproxy.cfg raises tune.bufsize to " + HaproxyConfig.bufferSize(served)
              + "; keep the page under about 14 KiB to serve it with the default buffer"));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("index.html", html);
    for (ServerConfig config : ServerConfigs.ALL) {
      String text = config.generate(served);
      files.put(config.fileName(), text.getBytes(StandardCharsets.UTF_8));
      diagnostics.addAll(check(config, text, page.name(), installed(served, html)));
    }
    return new MaintenanceResult(page.name(), files, diagnostics, html.length, HaproxyConfig.bufferSize(served));
  }

  /** Findings of opsbook's own checker for the config's language, positioned in the generated file. */
  private List<Diagnostic> check(ServerConfig config, String text, String name, IncludedFiles installed) {
    Optional<Checker> checker = checkers.forLanguage(config.language());
    if (checker.isEmpty()) {
      return List.of();
    }
    String file = "maintenance/" + name + "/" + config.fileName();
    try {
      return checker.get().check(Snippet.ofFile(config.language(), text, file), CheckContext.empty().withFiles(installed));
    } catch (RuntimeException e) {
      return List.of(Diagnostic.error(new SourceSpan(file, 1, 1), GENERATED_RULE,
          "the " + checker.get().id() + " checker failed on the generated file: " + e));
    }
  }

  /**
   * The files a generated config reads on the server, as they will be there: the page at its
   * install path, and HAProxy's switch map in its off state (the config's comments say to create
   * it so). The checker reads them as it reads an article's {@code file=} snippets.
   */
  private static IncludedFiles installed(ServedPage served, byte[] html) {
    String page = served.server().pageFile();
    String map = HaproxyConfig.switchMap(served.server());
    return IncludedFiles.ofSnippets(List.of(
        Snippet.of("html", new String(html, StandardCharsets.UTF_8), page, Map.of("file", page)),
        Snippet.of("text", HaproxyConfig.SWITCH_OFF, map, Map.of("file", map))));
  }

  private String pagesHint() {
    try {
      List<String> names = pageNames(settings.contentDir());
      return names.isEmpty() ? "" : "; existing pages: " + String.join(", ", names);
    } catch (IOException e) {
      return "";
    }
  }

  private static MaintenanceResult failed(String name, List<Diagnostic> diagnostics) {
    return new MaintenanceResult(name, Map.of(), diagnostics, 0, HaproxyConfig.DEFAULT_BUFSIZE);
  }

  /** A project-relative path with forward slashes, for diagnostics. */
  private String display(Path file) {
    Path root = settings.projectRoot().toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute.getFileName();
    return shown.toString().replace('\\', '/');
  }
}
