package org.opsbook.site;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.CoreRules;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.ModelChecker;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.content.Article;
import org.opsbook.content.FrontMatterParser;
import org.opsbook.content.ParsedSource;
import org.opsbook.content.SiteIndex;
import org.opsbook.content.Utf8Text;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;
import org.opsbook.markdown.ExtractedSnippet;
import org.opsbook.markdown.Headings;
import org.opsbook.markdown.LineMap;
import org.opsbook.markdown.LinkCheck;
import org.opsbook.markdown.MarkdownPipeline;
import org.opsbook.markdown.MarkdownSafety;
import org.opsbook.markdown.PlainText;
import org.opsbook.markdown.SnippetExtractor;
import org.opsbook.markdown.SnippetRenderer;
import org.opsbook.markdown.SnippetView;
import org.opsbook.markdown.TocEntry;
import org.opsbook.report.SnippetRecord;
import org.opsbook.report.TestBlockRecord;
import org.opsbook.snippet.CheckedSnippet;
import org.opsbook.snippet.SnippetVerifier;
import org.opsbook.snippet.TestBlockParser;

/**
 * Turns one Markdown source into a {@link ProcessedArticle}: front matter, snippets checked,
 * test blocks run, links resolved, body rendered. Depends only on the article and the small
 * {@link SiteIndex}, so articles are processed in parallel and can be redone one at a time.
 * Thread-safe.
 */
public final class ArticleProcessor {
  private static final int MAX_SEARCH_WORDS = 120;

  private final MarkdownPipeline markdown;
  private final FrontMatterParser frontMatter;
  private final SnippetVerifier verifier;
  private final CheckerRegistry registry;
  private final SiteConfig config;
  private final SiteIndex index;
  private final SnippetViews views;
  private final Instant now;

  /**
   * @param inlineDiagnostics show every diagnostic under its snippet line (drafts and preview
   *     builds); expected findings of {@code expect=} snippets are always shown
   */
  public ArticleProcessor(MarkdownPipeline markdown, CheckerRegistry registry, SiteConfig config, SiteIndex index,
      boolean inlineDiagnostics, Instant now) {
    this.markdown = markdown;
    this.frontMatter = new FrontMatterParser();
    this.verifier = new SnippetVerifier(registry, config.ruleSeverity());
    this.registry = registry;
    this.config = config;
    this.index = index;
    this.views = new SnippetViews(registry, config, inlineDiagnostics);
    this.now = now;
  }

  public ProcessedArticle process(Article article) {
    String file = article.source().displayPath();
    String text;
    try {
      text = Utf8Text.read(article.source().path());
    } catch (Utf8Text.InvalidUtf8Exception e) {
      return failed(article, List.of(e.diagnostic(file)));
    } catch (IOException e) {
      Diagnostic d = CoreRules.diagnostic(CoreRules.IO, new SourceSpan(file, 1, 1), "cannot read: " + e.getMessage(), null);
      return failed(article, List.of(d));
    }
    return process(article, text);
  }

  /** Processes an article whose text is already in memory (the preview server's edited copy). */
  public ProcessedArticle process(Article article, String text) {
    String file = article.source().displayPath();
    ParsedSource parsed = frontMatter.parse(text, file, article.kind(), Set.of());
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    LineMap lines = new LineMap(parsed.body(), file, parsed.bodyLine());
    Document document = markdown.parse(parsed.body());
    List<TocEntry> toc = Headings.collect(document);

    diagnostics.addAll(MarkdownSafety.check(document, lines, config.rawHtml()));
    LinkCheck.Result links = LinkCheck.check(document, lines, index, article.source().relPath(), config.basePath());
    diagnostics.addAll(links.diagnostics());

    List<ExtractedSnippet> extracted = SnippetExtractor.extract(document, lines);
    Map<String, CheckedSnippet> byId = new LinkedHashMap<>();
    List<CheckedSnippet> checked = new ArrayList<>();
    List<Snippet> before = new ArrayList<>();
    Map<ExtractedSnippet, CheckedSnippet> results = new IdentityHashMap<>();
    // An include in one snippet finds the article's other snippets by their file= path.
    CheckContext base = CheckContext.of(config.checkerOptions())
        .withSeverities(config.ruleSeverity())
        .withNow(now)
        .withFiles(IncludedFiles.ofSnippets(extracted.stream().filter(e -> !e.isTestBlock())
            .map(ExtractedSnippet::snippet).toList()));
    for (ExtractedSnippet e : extracted) {
      diagnostics.addAll(e.problems());
      if (e.isTestBlock()) {
        continue;
      }
      CheckedSnippet c = verifier.verify(e.snippet(), base.withArticleSnippets(before));
      before.add(e.snippet());
      checked.add(c);
      results.put(e, c);
      diagnostics.addAll(c.counted());
      e.snippet().id().ifPresent(id -> {
        if (byId.putIfAbsent(id, c) != null) {
          diagnostics.add(CoreRules.diagnostic(CoreRules.DUPLICATE_ID, e.snippet().fence(),
              "another snippet in this article already has id=" + id, "give each snippet its own id"));
        }
      });
    }

    Map<ExtractedSnippet, TestReport> testReports = new IdentityHashMap<>();
    Map<String, Integer> testsPassedById = new TreeMap<>();
    List<TestBlockRecord> testRecords = new ArrayList<>();
    for (ExtractedSnippet e : extracted) {
      if (!e.isTestBlock()) {
        continue;
      }
      TestReport report = runTests(e.snippet(), byId, base.withArticleSnippets(before), diagnostics);
      testReports.put(e, report);
      String forId = e.snippet().attribute("for").orElse("");
      testRecords.add(new TestBlockRecord(e.snippet().fence(), forId, report.results()));
      testsPassedById.merge(forId, (int) report.passedCount(), Integer::sum);
    }

    IdentityHashMap<Node, String> html = new IdentityHashMap<>();
    List<OutputFile> extra = new ArrayList<>();
    int n = 0;
    for (ExtractedSnippet e : extracted) {
      n++;
      SnippetView view = e.isTestBlock()
          ? views.testView(e, testReports.get(e), n)
          : views.snippetView(e, results.get(e), n, article, testsPassedById, extra);
      html.put(e.node(), SnippetRenderer.render(view));
    }
    String body = markdown.render(document, html, links.rewrites());

    List<SnippetRecord> snippetRecords = new ArrayList<>();
    for (CheckedSnippet c : checked) {
      snippetRecords.add(new SnippetRecord(c.snippet().fence(), c.snippet().language(), c.isChecked(), c.counted()));
    }
    int words = PlainText.words(parsed.body());
    String title = parsed.frontMatter() == null ? article.slug() : parsed.frontMatter().title();
    SearchEntry search = new SearchEntry(title, config.basePath() + article.sitePath(),
        parsed.frontMatter() == null ? "" : parsed.frontMatter().summary(),
        parsed.frontMatter() == null ? List.of() : parsed.frontMatter().tags(),
        toc.stream().map(TocEntry::text).toList(), snippetWords(checked));
    return new ProcessedArticle(article, parsed.frontMatter(), body, toc, words, snippetRecords, testRecords,
        diagnostics, extra, search);
  }

  private TestReport runTests(Snippet tests, Map<String, CheckedSnippet> byId, CheckContext context, List<Diagnostic> out) {
    String forId = tests.attribute("for").orElse(null);
    if (forId == null || forId.equals("true")) {
      out.add(CoreRules.diagnostic(CoreRules.TEST_TARGET, tests.fence(), "a test block needs for=ID",
          "give the snippet under test an id= and name it: ```test for=ID"));
      return new TestReport(List.of(), List.of());
    }
    CheckedSnippet subject = byId.get(forId);
    if (subject == null) {
      out.add(CoreRules.diagnostic(CoreRules.TEST_TARGET, tests.fence(),
          "no snippet in this article has id=" + forId, "add id=" + forId + " to the snippet these cases test"));
      return new TestReport(List.of(), List.of());
    }
    if (!subject.isChecked()) {
      out.add(CoreRules.diagnostic(CoreRules.TEST_TARGET, tests.fence(),
          "snippet " + forId + " (" + subject.snippet().language() + ") is not checked, so its tests cannot run",
          "test blocks need a snippet in a checked language"));
      return new TestReport(List.of(), List.of());
    }
    Checker checker = registry.forLanguage(subject.snippet().language()).orElseThrow();
    TestBlockParser.Result read = TestBlockParser.parse(tests);
    // TODO(#13): every checker reads cases from the shared grammar once all are on the kit.
    if (checker instanceof ModelChecker<?>) {
      out.addAll(read.problems());
    }
    TestReport report;
    try {
      report = checker.runTests(subject.snippet(), read.block(), context);
    } catch (RuntimeException | StackOverflowError e) {
      out.add(CoreRules.diagnostic(CoreRules.CHECKER_FAILURE, tests.fence(),
          "checker '" + checker.id() + "' failed running these tests (" + e + "); this is a bug in opsbook", null));
      return new TestReport(List.of(), List.of());
    }
    out.addAll(report.diagnostics());
    for (TestResult r : report.results()) {
      if (!r.passed()) {
        out.add(CoreRules.diagnostic(CoreRules.TEST_FAILED, r.where(), "test failed: " + r.message(), null));
      }
    }
    return report;
  }

  private static List<String> snippetWords(List<CheckedSnippet> snippets) {
    Set<String> words = new LinkedHashSet<>();
    for (CheckedSnippet c : snippets) {
      for (String w : c.snippet().text().split("[\\s,;=\"'()\\[\\]{}]+")) {
        boolean word = w.length() >= 3 && w.length() <= 40 && (Character.isLetter(w.charAt(0)) || w.startsWith("-"));
        if (word) {
          words.add(w);
          if (words.size() >= MAX_SEARCH_WORDS) {
            return new ArrayList<>(words);
          }
        }
      }
    }
    return new ArrayList<>(words);
  }

  private static ProcessedArticle failed(Article article, List<Diagnostic> diagnostics) {
    return new ProcessedArticle(article, null, "", List.of(), 0, List.of(), List.of(), diagnostics, List.of(),
        new SearchEntry(article.slug(), article.sitePath(), "", List.of(), List.of(), List.of()));
  }
}
