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
import java.util.Set;
import java.util.stream.Stream;
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
  public static final String CONTENT_DIR = "content/maintenance";
  static final String BUDGET_RULE = "maintenance.over-budget";
  static final String HAPROXY_RULE = "maintenance.haproxy-buffer";
  static final String IO_RULE = "maintenance.io";

  private final MaintenanceSettings settings;
  private final MarkdownRenderer markdown;
  private final PageTemplate template;

  public MaintenanceBuilder(MaintenanceSettings settings, MarkdownRenderer markdown) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.markdown = Objects.requireNonNull(markdown, "markdown");
    this.template = new PageTemplate(settings.templateDirs());
  }

  /** The names of the pages in {@code content/maintenance/}, sorted. */
  public static List<String> pageNames(Path projectRoot) throws IOException {
    Path dir = projectRoot.resolve(CONTENT_DIR);
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
    String relative = CONTENT_DIR + "/" + name + ".md";
    Path source = settings.projectRoot().resolve(relative);
    if (!Files.isRegularFile(source)) {
      return failed(name, List.of(Diagnostic.error(new SourceSpan(relative, 1, 1), IO_RULE,
          "no maintenance page '" + name + "'").withHint("create " + relative + pagesHint())));
    }
    String text = Files.readString(source, StandardCharsets.UTF_8);
    MaintenancePageParser.Result parsed = MaintenancePageParser.parse(name, relative, text);
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
      files.put(config.fileName(), config.generate(served).getBytes(StandardCharsets.UTF_8));
    }
    return new MaintenanceResult(page.name(), files, diagnostics, html.length, HaproxyConfig.bufferSize(served));
  }

  private String pagesHint() {
    try {
      List<String> names = pageNames(settings.projectRoot());
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
