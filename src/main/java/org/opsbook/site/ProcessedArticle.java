package org.opsbook.site;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opsbook.content.Article;
import org.opsbook.content.FrontMatter;
import org.opsbook.diag.Diagnostic;
import org.opsbook.markdown.Anchors;
import org.opsbook.markdown.TocEntry;
import org.opsbook.report.SnippetRecord;
import org.opsbook.report.TestBlockRecord;

/**
 * One article after parsing, checking and rendering its body: everything the site-wide stages
 * need, and nothing that depends on other articles, so it can be redone alone.
 *
 * @param article the source
 * @param meta its front matter, or {@code null} when that has errors (then it is not published)
 * @param body the rendered Markdown body (empty when the build writes nothing)
 * @param toc its headings
 * @param words the number of words, for reading time
 * @param snippets its snippets as reports see them
 * @param tests its test blocks with their results
 * @param diagnostics everything that counts against the build, sorted
 * @param extraFiles snippet downloads and other files the article adds
 * @param search its search-index entry
 * @param lookups what it asked the site index, for incremental builds
 * @param anchors the anchors it defines and its links that name a fragment, for the site-wide check
 * @param ruleCheckers the checkers whose rule pages it needs (see {@link RulePages#checkersOf})
 */
public record ProcessedArticle(
    Article article,
    FrontMatter meta,
    KeptBytes body,
    List<TocEntry> toc,
    int words,
    List<SnippetRecord> snippets,
    List<TestBlockRecord> tests,
    List<Diagnostic> diagnostics,
    List<OutputFile> extraFiles,
    SearchEntry search,
    List<IndexLookup> lookups,
    Anchors anchors,
    Set<String> ruleCheckers) {

  public ProcessedArticle {
    Objects.requireNonNull(article);
    Objects.requireNonNull(body);
    toc = List.copyOf(toc);
    snippets = List.copyOf(snippets);
    tests = List.copyOf(tests);
    diagnostics = diagnostics.stream().sorted().toList();
    extraFiles = List.copyOf(extraFiles);
    lookups = List.copyOf(lookups);
    Objects.requireNonNull(anchors);
    ruleCheckers = Set.copyOf(ruleCheckers);
  }

  /** How many of its snippets a checker read. */
  public long checkedSnippets() {
    long n = 0;
    for (SnippetRecord s : snippets) {
      if (s.checked()) {
        n++;
      }
    }
    return n;
  }

  /** How many test cases its test blocks hold, and how many of them passed. */
  public long testCases(boolean passedOnly) {
    long n = 0;
    for (TestBlockRecord t : tests) {
      for (org.opsbook.check.TestResult r : t.results()) {
        if (!passedOnly || r.passed()) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * The rendered Markdown body. A build above {@link Build#SPILL_ABOVE} articles keeps it in a
   * spill file that is gone once the build ends, so read it only while the build runs.
   */
  public String bodyHtml() {
    return body.text();
  }

  public boolean isPublishable() {
    return meta != null;
  }

  public boolean isDraft() {
    return meta != null && meta.draft();
  }

  /** Minutes at 220 words a minute, at least one. */
  public int readingMinutes() {
    return Math.max(1, (int) Math.round(words / 220.0));
  }
}
