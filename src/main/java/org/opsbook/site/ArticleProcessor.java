package org.opsbook.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.config.SiteConfig;
import org.opsbook.content.Article;
import org.opsbook.content.FrontMatterParser;
import org.opsbook.content.ParsedSource;
import org.opsbook.content.SiteIndex;
import org.opsbook.diag.Diagnostic;
import org.opsbook.markdown.Anchors;
import org.opsbook.markdown.ExtractedSnippet;
import org.opsbook.markdown.LinkCheck;
import org.opsbook.markdown.MarkdownDocument;
import org.opsbook.markdown.MarkdownPipeline;
import org.opsbook.markdown.PlainText;
import org.opsbook.markdown.SnippetRenderer;
import org.opsbook.markdown.TocEntry;
import org.opsbook.report.SnippetRecord;
import org.opsbook.report.TestBlockRecord;
import org.opsbook.snippet.ArticleSnippets;
import org.opsbook.snippet.CheckedSnippet;

/**
 * The process stage for one Markdown source: front matter read, Markdown parsed, links resolved,
 * snippets checked and test blocks run (by the snippet stage, {@link ArticleSnippets}), body
 * rendered. Depends only on the article, the configuration, the clock and the few facts of the
 * {@link SiteIndex} it records asking for, so articles are processed in parallel and can be
 * redone one at a time. Thread-safe.
 */
public final class ArticleProcessor {
  private static final int MAX_SEARCH_WORDS = 120;

  private final MarkdownPipeline markdown;
  private final CheckerRegistry registry;
  private final FrontMatterParser frontMatter;
  private final ArticleSnippets snippets;
  private final SiteConfig config;
  private final SiteIndex index;
  private final SnippetViews views;
  private final CheckContext base;
  private final KeptBytes.Store kept;

  /**
   * @param inlineDiagnostics show every diagnostic under its snippet line (drafts and preview
   *     builds); expected findings of {@code expect=} snippets are always shown
   * @param now what time-dependent checks take as now
   * @param kept where rendered bodies and search entries wait for the pages, or {@code null} when
   *     nothing will be written ({@code opsbook check}): then neither is made
   */
  public ArticleProcessor(MarkdownPipeline markdown, CheckerRegistry registry, SiteConfig config, SiteIndex index,
      boolean inlineDiagnostics, Instant now, KeptBytes.Store kept) {
    this.markdown = markdown;
    this.registry = registry;
    this.frontMatter = new FrontMatterParser();
    this.snippets = new ArticleSnippets(registry, config.ruleSeverity());
    this.config = config;
    this.index = index;
    this.views = new SnippetViews(registry, config, inlineDiagnostics);
    this.base = CheckContext.of(config.checkerOptions()).withSeverities(config.ruleSeverity()).withNow(now);
    this.kept = kept;
  }

  /** Processes an article whose text has been read. */
  public ProcessedArticle process(Article article, String text) {
    String file = article.source().displayPath();
    ParsedSource parsed = frontMatter.parse(text, file, article.kind(), Set.of());
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    MarkdownDocument document = markdown.parse(parsed.body(), file, parsed.bodyLine());
    List<TocEntry> toc = document.toc();

    diagnostics.addAll(document.checkSafety(config.rawHtml()));
    Map<String, IndexLookup> lookups = new LinkedHashMap<>();
    LinkCheck.Result links = document.checkLinks((from, href) -> {
      Optional<SiteIndex.Target> target = index.resolve(from, href);
      target.ifPresent(t -> lookups.putIfAbsent(href, new IndexLookup(href, t)));
      return target;
    }, article.source().relPath(), config.basePath());
    diagnostics.addAll(links.diagnostics());

    List<ExtractedSnippet> extracted = document.snippets();
    extracted.forEach(e -> diagnostics.addAll(e.problems()));
    ArticleSnippets.Result checked = snippets.check(extracted.stream().map(ExtractedSnippet::snippet).toList(), base);
    diagnostics.addAll(checked.diagnostics());
    // Badges and counts come from what really ran (TestTally), never from what was asked.
    Map<Snippet, TestReport> reports = new IdentityHashMap<>();
    for (ArticleSnippets.Outcome o : checked.outcomes()) {
      if (o.isTestBlock()) {
        reports.put(o.snippet(), o.tests());
      }
    }
    TestTally tally = TestTally.of(reports, diagnostics);

    List<OutputFile> extra = new ArrayList<>();
    KeptBytes body = KeptBytes.EMPTY;
    if (kept != null) {
      List<String> html = new ArrayList<>();
      int n = 0;
      for (ArticleSnippets.Outcome o : checked.outcomes()) {
        n++;
        html.add(SnippetRenderer.render(o.isTestBlock()
            ? views.testView(o.snippet(), o.tests(), tally, n)
            : views.snippetView(o.snippet(), o.checked(), n, article, tally, extra)));
      }
      String rendered = document.render(html, links.rewrites());
      body = kept.keep(rendered);
    }

    List<SnippetRecord> snippetRecords = new ArrayList<>();
    List<TestBlockRecord> testRecords = new ArrayList<>();
    List<Snippet> code = new ArrayList<>();
    for (ArticleSnippets.Outcome o : checked.outcomes()) {
      if (o.isTestBlock()) {
        testRecords.add(new TestBlockRecord(o.snippet().fence(), o.snippet().attribute("for").orElse(""),
            o.tests().results()));
      } else {
        CheckedSnippet c = o.checked();
        snippetRecords.add(new SnippetRecord(c.snippet().fence(), c.snippet().language(), c.isChecked(), c.counted()));
        code.add(c.snippet());
      }
    }
    int words = PlainText.words(parsed.body());
    String title = parsed.frontMatter() == null ? article.slug() : parsed.frontMatter().title();
    // 'opsbook check' writes no search index, so it skips the work of cutting terms.
    SearchEntry search = kept == null ? SearchEntry.NONE : SearchEntry.of(title,
        config.basePath() + article.sitePath(), parsed.frontMatter() == null ? "" : parsed.frontMatter().summary(),
        parsed.frontMatter() == null ? List.of() : parsed.frontMatter().tags(),
        toc.stream().map(TocEntry::text).toList(), snippetWords(code), document.sections(), kept);
    List<IndexLookup> asked = List.copyOf(lookups.values());
    return new ProcessedArticle(article, parsed.frontMatter(), body, toc, words, snippetRecords, testRecords,
        diagnostics, extra, search, asked, anchors(document, extracted),
        RulePages.checkersOf(registry, snippetRecords, diagnostics, asked));
  }

  /** An article whose source could not be read: the diagnostic says why, and it is not published. */
  static ProcessedArticle unreadable(Article article, Diagnostic why) {
    return new ProcessedArticle(article, null, KeptBytes.EMPTY, List.of(), 0, List.of(), List.of(), List.of(why),
        List.of(), SearchEntry.NONE, List.of(), Anchors.NONE, Set.of(why.rule().checker()));
  }

  private static Anchors anchors(MarkdownDocument document, List<ExtractedSnippet> extracted) {
    List<String> snippetAnchors = new ArrayList<>();
    for (int i = 0; i < extracted.size(); i++) {
      snippetAnchors.add(SnippetViews.anchor(extracted.get(i).snippet(), i + 1));
    }
    return document.anchors().withIds(snippetAnchors);
  }

  private static String snippetWords(List<Snippet> snippets) {
    return searchWords(snippets.stream().map(Snippet::text).toList());
  }

  /**
   * The distinct words of the texts, in order, for the search index: runs of three to forty
   * characters between white space and {@code , ; = " ' ( ) [ ] { }} that start with a letter or
   * {@code -}, at most {@value #MAX_SEARCH_WORDS}.
   */
  static String searchWords(List<String> texts) {
    Set<String> words = new LinkedHashSet<>();
    for (String text : texts) {
      int n = text.length();
      int i = 0;
      while (i < n) {
        while (i < n && separates(text.charAt(i))) {
          i++;
        }
        int start = i;
        while (i < n && !separates(text.charAt(i))) {
          i++;
        }
        int length = i - start;
        if (length >= 3 && length <= 40 && (Character.isLetter(text.charAt(start)) || text.charAt(start) == '-')) {
          words.add(text.substring(start, i));
          if (words.size() >= MAX_SEARCH_WORDS) {
            return String.join(" ", words);
          }
        }
      }
    }
    return String.join(" ", words);
  }

  /** The characters between words; white space as in a regular expression's {@code \s}. */
  private static boolean separates(char c) {
    return switch (c) {
      case ' ', '\t', '\n', '\u000B', '\f', '\r', ',', ';', '=', '"', '\'', '(', ')', '[', ']', '{', '}' -> true;
      default -> false;
    };
  }

}
