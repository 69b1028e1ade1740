package org.opsbook.snippet;

import java.util.List;
import java.util.Map;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.CoreRules;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.diag.Diagnostic;

/**
 * Runs one {@code test for=ID} block: finds the snippet it names, reads its cases with {@link
 * TestBlockParser}, asks that snippet's checker for the answers, and turns every failed case into
 * an {@code opsbook.test-failed} error at its line. Thread-safe.
 */
public final class TestRunner {
  private final CheckerRegistry registry;

  public TestRunner(CheckerRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param byId the article's checked snippets by {@code id=}
   * @param out receives the block's diagnostics: a missing or unchecked target, unreadable cases,
   *     failed cases
   * @return the cases' results; empty when the block could not run
   */
  public TestReport run(Snippet tests, Map<String, CheckedSnippet> byId, CheckContext context, List<Diagnostic> out) {
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
    out.addAll(read.problems());
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
}
