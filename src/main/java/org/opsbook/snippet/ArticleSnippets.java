package org.opsbook.snippet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.CoreRules;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * The snippet stage of one article: checks every snippet in order, each seeing the article's other
 * snippets (a checker builds on those before it) and its {@code file=} snippets as the files it may
 * include, then runs every test block against the snippet it names. Thread-safe.
 */
public final class ArticleSnippets {
  private final SnippetVerifier verifier;
  private final TestRunner tests;

  /** @param ruleSeverity the site's severity changes; a {@code null} value turns a rule off */
  public ArticleSnippets(CheckerRegistry registry, Map<String, Severity> ruleSeverity) {
    this.verifier = new SnippetVerifier(registry, ruleSeverity);
    this.tests = new TestRunner(registry);
  }

  /**
   * What became of one snippet: a checked snippet, or a test block's report.
   *
   * @param checked the check, or {@code null} for a test block
   * @param tests the test block's report, or {@code null} for a snippet
   */
  public record Outcome(Snippet snippet, CheckedSnippet checked, TestReport tests) {
    public Outcome {
      Objects.requireNonNull(snippet);
      if ((checked == null) == (tests == null)) {
        throw new IllegalArgumentException("an outcome is either a check or a test report");
      }
    }

    public boolean isTestBlock() {
      return tests != null;
    }
  }

  /**
   * @param outcomes one per snippet, in the article's order
   * @param diagnostics what counts against the build, in the order found
   * @param testsPassed passed cases by the {@code id=} of the snippet they test
   */
  public record Result(List<Outcome> outcomes, List<Diagnostic> diagnostics, Map<String, Integer> testsPassed) {
    public Result {
      outcomes = List.copyOf(outcomes);
      diagnostics = List.copyOf(diagnostics);
      testsPassed = java.util.Collections.unmodifiableMap(new TreeMap<>(testsPassed));
    }
  }

  /**
   * @param snippets the article's fenced blocks in order; those of language {@code test} are test blocks
   * @param base the site's options, severities and clock
   */
  public Result check(List<Snippet> snippets, CheckContext base) {
    List<Snippet> code = snippets.stream().filter(s -> !isTestBlock(s)).toList();
    // An include in one snippet finds the article's other snippets by their file= path. Each
    // snippet, and each test block of one, sees the article's snippets: a checker builds on those
    // before it, so a test sees its snippet as the check did, whatever snippets come later.
    CheckContext context = base.withFiles(IncludedFiles.ofSnippets(code)).withArticleSnippets(code);
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, CheckedSnippet> byId = new LinkedHashMap<>();
    CheckedSnippet[] checked = new CheckedSnippet[snippets.size()];
    for (int i = 0; i < snippets.size(); i++) {
      Snippet s = snippets.get(i);
      if (isTestBlock(s)) {
        continue;
      }
      CheckedSnippet c = verifier.verify(s, context);
      checked[i] = c;
      diagnostics.addAll(c.counted());
      s.id().ifPresent(id -> {
        if (byId.putIfAbsent(id, c) != null) {
          diagnostics.add(CoreRules.diagnostic(CoreRules.DUPLICATE_ID, s.fence(),
              "another snippet in this article already has id=" + id, "give each snippet its own id"));
        }
      });
    }
    Map<String, Integer> passed = new TreeMap<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      Snippet s = snippets.get(i);
      if (!isTestBlock(s)) {
        outcomes.add(new Outcome(s, checked[i], null));
        continue;
      }
      TestReport report = tests.run(s, byId, context, diagnostics);
      passed.merge(s.attribute("for").orElse(""), (int) report.passedCount(), Integer::sum);
      outcomes.add(new Outcome(s, null, report));
    }
    return new Result(outcomes, diagnostics, passed);
  }

  public static boolean isTestBlock(Snippet s) {
    return s.language().equals("test");
  }
}
