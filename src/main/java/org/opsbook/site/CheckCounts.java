package org.opsbook.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opsbook.check.CoreRules;
import org.opsbook.check.TestResult;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;
import org.opsbook.report.SnippetRecord;
import org.opsbook.report.TestBlockRecord;

/**
 * What was checked on a page or a whole site, counted so that nothing is claimed that did not
 * happen: snippets a checker read and snippets no checker read, test cases that ran and passed and
 * those that did not (failed, could not run, could not be read), and the errors found.
 *
 * @param checked snippets a checker read
 * @param unchecked snippets in a language with no checker, or with {@code check=off}
 * @param testsPassed test cases that ran and passed
 * @param testsNotPassed test cases that failed, could not run or could not be read, and test
 *     blocks that could not run at all
 * @param errors diagnostics at error severity
 * @param warnings diagnostics at warning severity
 */
record CheckCounts(long checked, long unchecked, long testsPassed, long testsNotPassed, long errors, long warnings) {
  /** Errors that stand for a test that did not pass but left no failed result behind. */
  private static final Set<RuleId> TEST_PROBLEMS =
      Set.of(CoreRules.TEST_SYNTAX, CoreRules.TEST_TARGET, CoreRules.TEST_UNSUPPORTED);

  static final CheckCounts NONE = new CheckCounts(0, 0, 0, 0, 0, 0);

  static CheckCounts of(ProcessedArticle a) {
    return of(a.snippets(), a.tests(), a.diagnostics());
  }

  static CheckCounts of(List<SnippetRecord> snippets, List<TestBlockRecord> tests, List<Diagnostic> diagnostics) {
    long checked = snippets.stream().filter(SnippetRecord::checked).count();
    long passed = 0;
    long notPassed = 0;
    for (TestBlockRecord t : tests) {
      for (TestResult r : t.results()) {
        if (r.passed()) {
          passed++;
        } else {
          notPassed++;
        }
      }
    }
    long errors = 0;
    long warnings = 0;
    for (Diagnostic d : diagnostics) {
      if (d.severity() == Severity.ERROR) {
        errors++;
        if (TEST_PROBLEMS.contains(d.rule())) {
          notPassed++;
        }
      } else if (d.severity() == Severity.WARNING) {
        warnings++;
      }
    }
    return new CheckCounts(checked, snippets.size() - checked, passed, notPassed, errors, warnings);
  }

  static CheckCounts sum(List<ProcessedArticle> articles) {
    CheckCounts total = NONE;
    for (ProcessedArticle a : articles) {
      total = total.plus(of(a));
    }
    return total;
  }

  CheckCounts plus(CheckCounts o) {
    return new CheckCounts(checked + o.checked, unchecked + o.unchecked, testsPassed + o.testsPassed,
        testsNotPassed + o.testsNotPassed, errors + o.errors, warnings + o.warnings);
  }

  long snippets() {
    return checked + unchecked;
  }

  long tests() {
    return testsPassed + testsNotPassed;
  }

  /** The counts as templates see them, keys in a fixed order. */
  Map<String, Object> toModel() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("snippets", snippets());
    m.put("checked", checked);
    m.put("unchecked", unchecked);
    m.put("tests", tests());
    m.put("testsPassed", testsPassed);
    m.put("testsNotPassed", testsNotPassed);
    m.put("errors", errors);
    m.put("warnings", warnings);
    return m;
  }
}
