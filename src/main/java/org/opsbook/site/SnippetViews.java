package org.opsbook.site;

import org.opsbook.config.SiteConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.CoreRules;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.content.Article;
import org.opsbook.diag.Diagnostic;
import org.opsbook.markdown.SnippetView;
import org.opsbook.snippet.CheckedSnippet;
import org.opsbook.snippet.CopyText;
import org.opsbook.snippet.SnippetStatus;

/**
 * Decides how a checked snippet or a test block is shown: its badge, its highlighting, the copy
 * text, the download, and which diagnostics appear under which line. Thread-safe.
 */
final class SnippetViews {
  private final CheckerRegistry registry;
  private final SiteConfig config;
  private final boolean inlineDiagnostics;

  /**
   * @param inlineDiagnostics show every diagnostic under its line (drafts and preview builds);
   *     the findings of {@code expect=} snippets are always shown
   */
  SnippetViews(CheckerRegistry registry, SiteConfig config, boolean inlineDiagnostics) {
    this.registry = registry;
    this.config = config;
    this.inlineDiagnostics = inlineDiagnostics;
  }

  SnippetView snippetView(Snippet s, CheckedSnippet c, int n, Article article,
      TestTally tests, List<OutputFile> extra) {
    String anchor = anchor(s, n);
    List<HighlightToken> tokens = highlight(s);
    String state;
    String badge;
    TestTally.Counts tested = s.id().map(tests::forSnippet).orElse(TestTally.Counts.NONE);
    String language = s.language().isEmpty() ? "text" : s.language();
    switch (c.status()) {
      case UNCHECKED -> {
        // Say so in words: a reader must not take an unchecked snippet for a checked one.
        state = "unchecked";
        badge = language + " · not checked" + (s.attribute("check").orElse("").equals("off") ? " (check=off)" : "");
      }
      case EXPECTED_FAILURE -> {
        state = "expected";
        Set<String> rules = new LinkedHashSet<>();
        c.shown().stream().filter(d -> !c.counted().contains(d)).forEach(d -> rules.add(d.rule().value()));
        badge = language + " · deliberately wrong" + (rules.isEmpty() ? "" : ": " + String.join(", ", rules));
      }
      case ERRORS -> {
        state = "error";
        long errors = c.counted().stream().filter(Diagnostic::isError).count();
        badge = language + " · " + errors + (errors == 1 ? " error" : " errors");
      }
      case WARNINGS -> {
        state = "warn";
        long warnings = c.counted().size();
        badge = language + " · checked · " + warnings + (warnings == 1 ? " warning" : " warnings");
      }
      default -> {
        state = "ok";
        badge = language + " · checked";
      }
    }
    if (tested.allPassed()) {
      badge = badge + " · " + tested.passed() + (tested.passed() == 1 ? " test passed" : " tests passed");
    } else if (tested.blocked() || tested.notPassed() > 0) {
      long all = tested.passed() + tested.notPassed();
      badge = badge + " · " + (all == 0 ? "tests not run" : tested.passed() + " of " + all + " tests passed");
      state = "error";
    }
    String downloadHref = null;
    String downloadName = null;
    String file = s.attribute("file").orElse("");
    if (!file.isEmpty() && !file.equals("true")) {
      // A site path must stay one plain segment here (see SitePaths): no backslash from a Windows path.
      downloadName = file.substring(file.lastIndexOf('/') + 1).replace('\\', '_');
      if (downloadName.isBlank() || downloadName.equals(".") || downloadName.equals("..")) {
        downloadName = "snippet.txt";
      }
      // Beside the article, numbered so two snippets may name the same file; the link's download
      // attribute gives the browser the plain name. No folder per download: on a large site,
      // making thousands of folders costs more than writing the files.
      String path = article.sitePath() + n + "-" + downloadName;
      downloadHref = config.basePath() + path;
      extra.add(new OutputFile(path, s.text().getBytes(StandardCharsets.UTF_8)));
    }
    boolean showAll = inlineDiagnostics || c.status() == SnippetStatus.EXPECTED_FAILURE;
    SortedMap<Integer, List<Diagnostic>> inline = new TreeMap<>();
    if (showAll) {
      for (Diagnostic d : c.shown()) {
        inline.computeIfAbsent(lineOf(s, d), k -> new ArrayList<>()).add(d);
      }
    }
    String copy = CopyText.of(s.text(), s.language(), tokens);
    return new SnippetView(s, anchor, tokens, state, badge, downloadHref, downloadName,
        copy.equals(s.text()) ? null : copy, inline, SnippetView.noMarks());
  }

  SnippetView testView(Snippet s, TestReport report, TestTally tally, int n) {
    String forId = s.attribute("for").orElse("?");
    SortedMap<Integer, Boolean> marks = new TreeMap<>();
    SortedMap<Integer, List<Diagnostic>> inline = new TreeMap<>();
    if (report != null) {
      for (TestResult r : report.results()) {
        int line = r.where().line() - s.origin().line() + 1;
        marks.merge(line, r.passed(), Boolean::logicalAnd);
        if (!r.passed() && inlineDiagnostics) {
          inline.computeIfAbsent(line, k -> new ArrayList<>())
              .add(CoreRules.diagnostic(CoreRules.TEST_FAILED, r.where(), r.message(), null));
        }
      }
    }
    TestTally.Counts counts = tally.forBlock(s);
    String state;
    String badge = "tests for " + forId + " · ";
    if (counts.allPassed()) {
      state = "test-pass";
      badge += counts.describe();
    } else if (counts.blocked() || counts.notPassed() > 0) {
      state = "test-fail";
      badge += counts.describe();
    } else {
      // An empty block claims nothing, so it is shown as such rather than as a pass.
      state = "unchecked";
      badge += "no test cases";
    }
    return new SnippetView(s, anchor(s, n), List.of(), state, badge, null, null, null, inline, marks);
  }

  /** The HTML id of the n-th fenced block of an article (1-based): links may name it as a fragment. */
  static String anchor(Snippet s, int n) {
    if (s.language().equals("test")) {
      return "tests-" + n;
    }
    return s.id().map(id -> "snippet-" + id).orElse("snippet-" + n);
  }

  private List<HighlightToken> highlight(Snippet s) {
    return registry.forLanguage(s.language()).map(c -> {
      try {
        return c.highlight(s.text(), s.language());
      } catch (RuntimeException e) {
        // Highlighting is decoration: a lexer bug must not cost the reader the snippet.
        return List.<HighlightToken>of();
      }
    }).orElseGet(() -> CopyText.promptTokens(s.text(), s.language()));
  }

  private static int lineOf(Snippet s, Diagnostic d) {
    int line = d.where().line() - s.origin().line() + 1;
    int count = Math.max(1, s.lines().size());
    return Math.max(1, Math.min(line, count));
  }
}
