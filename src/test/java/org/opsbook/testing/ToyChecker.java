package org.opsbook.testing;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.QueryResult;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.check.TokenKind;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * A checker for the pipeline's own tests, language {@code toy}: lines {@code key value}. The key
 * {@code bad} is an error, {@code old} a warning, and a file without a {@code header} line breaks
 * a whole-file rule. Test cases {@code key => value} pass when the snippet sets key to value.
 */
public final class ToyChecker implements Checker {
  @Override
  public String id() {
    return "toy";
  }

  @Override
  public List<String> languages() {
    return List.of("toy", "toy-alias");
  }

  @Override
  public List<RuleInfo> rules() {
    return List.of(
        RuleInfo.of("toy.bad", Severity.ERROR, "bad key", "The key bad is always wrong."),
        RuleInfo.of("toy.old", Severity.WARNING, "old key", "The key old is deprecated.").withAliases("toy.ancient"),
        RuleInfo.of("toy.header", Severity.WARNING, "no header", "Whole files start with a header.").needingWholeFile());
  }

  @Override
  public List<Diagnostic> check(Snippet snippet, CheckContext context) {
    List<Diagnostic> out = new ArrayList<>();
    List<String> lines = snippet.lines();
    boolean header = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int indent = line.length() - line.stripLeading().length();
      String key = line.strip().split("\\s+")[0];
      if (key.equals("bad")) {
        out.add(Diagnostic.error(snippet.at(i + 1, indent + 1), "toy.bad", "key 'bad' is not allowed"));
      } else if (key.equals("old")) {
        out.add(Diagnostic.warning(snippet.at(i + 1, indent + 1), "toy.old", "key 'old' is deprecated"));
      } else if (key.equals("header")) {
        header = true;
      } else if (key.equals("crash")) {
        throw new IllegalStateException("toy checker crashed on purpose");
      }
    }
    if (!header) {
      out.add(Diagnostic.warning(snippet.fence(), "toy.header", "no header line"));
    }
    return out;
  }

  @Override
  public TestReport runTests(Snippet subject, TestBlock block, CheckContext context) {
    Snippet tests = block.block();
    List<TestResult> results = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    List<String> lines = tests.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int arrow = line.indexOf("=>");
      if (arrow < 0) {
        problems.add(Diagnostic.error(tests.at(i + 1, 1), "toy.bad", "test case needs =>"));
        continue;
      }
      String key = line.substring(0, arrow).strip();
      String want = line.substring(arrow + 2).strip();
      String got = subject.lines().stream().map(String::strip).filter(l -> l.startsWith(key + " "))
          .map(l -> l.substring(key.length() + 1).strip()).findFirst().orElse("(unset)");
      results.add(got.equals(want) ? TestResult.pass(tests.at(i + 1, 1), line.strip())
          : TestResult.fail(tests.at(i + 1, 1), line.strip(), "expected " + key + " " + want + ", got " + got));
    }
    return new TestReport(results, problems);
  }

  @Override
  public QueryResult query(Snippet subject, String query, CheckContext context) {
    return subject.lines().stream().map(String::strip).filter(l -> l.startsWith(query + " ")).findFirst()
        .map(l -> QueryResult.found(l + "\n")).orElse(QueryResult.notFound());
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    List<HighlightToken> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      int sp = text.indexOf(' ', start);
      if (sp > start && sp < end) {
        out.add(new HighlightToken(start, sp, TokenKind.KEYWORD));
      }
      start = end + 1;
    }
    return out;
  }
}
