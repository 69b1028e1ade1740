package org.opsbook.site;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.CoreRules;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.diag.Diagnostic;

/**
 * How an article's test blocks fared, per block and per snippet they test, counting only what
 * really ran: a case passes when the model answered and agreed; a case the model could not run, a
 * case that could not be read, and a block that could not run at all are counted as not passed.
 * Badges are made from this, so none can say "passed" for something that did not run.
 */
final class TestTally {
  /**
   * The cases of one block, or of every block for one snippet.
   *
   * @param passed cases that ran and agreed with the model
   * @param failed cases that ran and disagreed
   * @param notRun cases the model could not run ("not run: ...", "cannot evaluate")
   * @param unreadable cases (or block-level problems) reported as errors without a result
   * @param blocked whether a block could not run at all (no target, unchecked target, no model)
   */
  record Counts(long passed, long failed, long notRun, long unreadable, boolean blocked) {
    static final Counts NONE = new Counts(0, 0, 0, 0, false);

    Counts plus(Counts o) {
      return new Counts(passed + o.passed, failed + o.failed, notRun + o.notRun, unreadable + o.unreadable,
          blocked || o.blocked);
    }

    /** Cases that did not run and pass. */
    long notPassed() {
      return failed + notRun + unreadable;
    }

    boolean allPassed() {
      return !blocked && notPassed() == 0 && passed > 0;
    }

    /** Words such as {@code 2 passed, 1 failed, 1 not run}; only the non-zero parts after "passed". */
    String describe() {
      if (blocked && passed + failed + notRun == 0) {
        return "not run";
      }
      StringBuilder s = new StringBuilder().append(passed).append(" passed");
      if (failed > 0) {
        s.append(", ").append(failed).append(" failed");
      }
      if (notRun > 0) {
        s.append(", ").append(notRun).append(" not run");
      }
      if (unreadable > 0) {
        s.append(", ").append(unreadable).append(" unreadable");
      }
      return s.toString();
    }
  }

  private final Map<Snippet, Counts> byBlock;
  private final Map<String, Counts> bySnippetId;

  private TestTally(Map<Snippet, Counts> byBlock, Map<String, Counts> bySnippetId) {
    this.byBlock = byBlock;
    this.bySnippetId = bySnippetId;
  }

  /**
   * @param reports each test block with its report ({@code null} or empty when it could not run)
   * @param diagnostics the article's diagnostics: errors inside a block's lines that are not
   *     failed cases say it had unreadable cases or could not run
   */
  static TestTally of(Map<Snippet, TestReport> reports, List<Diagnostic> diagnostics) {
    Map<Snippet, Counts> byBlock = new IdentityHashMap<>();
    Map<String, Counts> byId = new TreeMap<>();
    for (Map.Entry<Snippet, TestReport> e : reports.entrySet()) {
      Counts c = count(e.getKey(), e.getValue(), diagnostics);
      byBlock.put(e.getKey(), c);
      byId.merge(e.getKey().attribute("for").orElse(""), c, Counts::plus);
    }
    return new TestTally(byBlock, byId);
  }

  Counts forBlock(Snippet block) {
    return byBlock.getOrDefault(block, Counts.NONE);
  }

  Counts forSnippet(String id) {
    return bySnippetId.getOrDefault(id, Counts.NONE);
  }

  private static Counts count(Snippet block, TestReport report, List<Diagnostic> diagnostics) {
    long passed = 0;
    long failed = 0;
    long notRun = 0;
    List<TestResult> results = report == null ? List.of() : report.results();
    for (TestResult r : results) {
      if (r.passed()) {
        passed++;
      } else if (r.message().startsWith("not run: ") || r.message().startsWith("the model cannot evaluate")) {
        notRun++;
      } else {
        failed++;
      }
    }
    // One unreadable case per line: the shared grammar and a checker may both report the same line.
    java.util.Set<Integer> unreadableLines = new java.util.TreeSet<>();
    boolean blockLevel = false;
    for (Diagnostic d : diagnostics) {
      if (!d.isError() || !inside(block, d) || d.rule().equals(CoreRules.TEST_FAILED)) {
        continue;
      }
      if (d.where().line() == block.fence().line()) {
        blockLevel = true;
      } else {
        unreadableLines.add(d.where().line());
      }
    }
    long unreadable = unreadableLines.size();
    // A block-level error with no case run means the block did not run; with some cases run, it is
    // one more thing that did not pass.
    boolean blocked = blockLevel && results.isEmpty();
    if (blockLevel && !blocked) {
      unreadable++;
    }
    return new Counts(passed, failed, notRun, unreadable, blocked);
  }

  /** Whether a diagnostic sits on the block's fence, its lines or its closing fence. */
  private static boolean inside(Snippet block, Diagnostic d) {
    if (!d.where().file().equals(block.fence().file())) {
      return false;
    }
    int line = d.where().line();
    int last = block.origin().line() + block.lines().size();
    return line >= block.fence().line() && line <= last;
  }
}
