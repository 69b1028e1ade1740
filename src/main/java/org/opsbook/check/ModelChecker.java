package org.opsbook.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;
import org.opsbook.diag.SourceSpan;

/**
 * The base every built-in checker stands on. It runs the steps each of them needs in one order:
 * parse the snippet into the checker's model, run the {@link Rule}s over it, drop whole-file
 * findings of fragments, apply the site's severities, sort. Test blocks and queries go through
 * the same parse, then to {@link #answer}; a checker with an executable model answers one
 * question at a time and may say how its answers compare with expectations.
 *
 * <p>Subclasses are stateless and thread-safe, as the {@link Checker} contract asks.
 *
 * @param <M> the checker's model of one snippet
 */
public abstract class ModelChecker<M> implements Checker {

  /**
   * Reads a snippet into the model, reporting what the daemon's own parser would refuse or warn
   * about. Returns {@code null} when nothing useful can be checked beyond what was reported.
   */
  protected abstract M parse(Snippet snippet, CheckContext context, Findings findings);

  /** The rules that run over a parsed model, in the order they run. */
  protected abstract List<? extends Rule<? super M>> modelRules();

  /** Whether {@link #answer} is implemented: test blocks and queries are refused otherwise. */
  protected boolean hasExecutableModel() {
    return false;
  }

  /**
   * Answers one question with the executable model: a test case's, or a query's (whose
   * expectation is empty). A question the grammar cannot read is {@link Answer#unreadable}; one
   * the model does not cover is {@link Answer#cannotEvaluate}, never a guess.
   *
   * @param block the test block the case belongs to, for block-wide facts in its attributes; for a
   *     query, an empty block at the subject's fence
   */
  protected Answer answer(M model, TestCase testCase, TestBlock block, CheckContext context) {
    return Answer.cannotEvaluate("checker '" + id() + "' has no executable model");
  }

  /** How an answer compares with a case's expectation; exact text up to white space by default. */
  protected Comparison compare(TestCase testCase, Answer answer) {
    return Comparison.ofText(testCase.expected(), answer.text());
  }

  /** What {@code opsbook query} prints for an answer: the trace when there is one, else the answer. */
  protected String queryOutput(Answer answer) {
    String out = answer.trace().isEmpty() ? answer.text() : answer.trace();
    return out.isEmpty() || out.endsWith("\n") ? out : out + "\n";
  }

  /**
   * Why the cases of a test block cannot run against a snippet with these findings, or empty when
   * they can. By default any error stops them: the daemon would refuse the file.
   */
  protected Optional<String> whyTestsCannotRun(M model, List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(Diagnostic::isError).findFirst().map(d ->
        "the snippet under test has errors, so no case can run (first: " + d.where() + " " + d.message() + ")");
  }

  @Override
  public final List<Diagnostic> check(Snippet snippet, CheckContext context) {
    return checkModel(snippet, context).diagnostics();
  }

  @Override
  public final TestReport runTests(Snippet subject, TestBlock tests, CheckContext context) {
    if (!hasExecutableModel()) {
      return TestReport.unsupported(id(), tests.block());
    }
    Checked<M> checked = checkModel(subject, context);
    Optional<String> blocked = checked.model() == null
        ? Optional.of("the snippet under test cannot be read, so no case can run")
        : whyNothingCanBeAnswered(checked);
    List<TestResult> results = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (TestCase c : tests.cases()) {
      if (blocked.isPresent()) {
        results.add(TestResult.fail(c.where(), c.description(), "not run: " + blocked.get()));
        continue;
      }
      Answer answer = answer(checked.model(), c, tests, context);
      switch (answer.kind()) {
        case UNREADABLE -> problems.add(CoreRules.diagnostic(CoreRules.TEST_SYNTAX, c.where(), answer.text(), answer.hint()));
        case CANNOT_EVALUATE -> results.add(TestResult.fail(c.where(), c.description(),
            "the model cannot evaluate this case: " + answer.text()));
        case ANSWERED -> {
          Comparison cmp = compare(c, answer);
          switch (cmp.outcome()) {
            case AGREE -> results.add(TestResult.pass(c.where(), c.description()));
            case DIFFER -> results.add(TestResult.fail(c.where(), c.description(),
                cmp.message() + (answer.trace().isEmpty() ? "" : "\n" + answer.trace().stripTrailing())));
            case UNREADABLE -> problems.add(CoreRules.diagnostic(CoreRules.TEST_SYNTAX, c.expectedAt(), cmp.message(), cmp.hint()));
          }
        }
      }
    }
    return new TestReport(results, problems);
  }

  @Override
  public QueryResult query(Snippet subject, String question, CheckContext context) {
    if (!hasExecutableModel()) {
      return QueryResult.unsupported(id(), subject);
    }
    Checked<M> checked = checkModel(subject, context);
    List<Diagnostic> errors = checked.diagnostics().stream().filter(Diagnostic::isError).toList();
    // A query stands on the same ground as a test case: what stops one stops the other.
    Optional<String> blocked = checked.model() == null
        ? Optional.of("the file cannot be read")
        : whyNothingCanBeAnswered(checked);
    if (blocked.isPresent()) {
      return QueryResult.failed(errors.isEmpty()
          ? List.of(CoreRules.diagnostic(CoreRules.QUERY_UNSUPPORTED, subject.fence(), blocked.get(), null))
          : errors);
    }
    TestBlock none = new TestBlock(queryBlock(subject.fence()), List.of());
    Answer answer = answer(checked.model(), TestCase.query(subject.fence(), question), none, context);
    return switch (answer.kind()) {
      case ANSWERED -> QueryResult.found(queryOutput(answer));
      case UNREADABLE -> QueryResult.failed(List.of(
          CoreRules.diagnostic(CoreRules.TEST_SYNTAX, subject.fence(), answer.text(), answer.hint())));
      case CANNOT_EVALUATE -> QueryResult.failed(List.of(CoreRules.diagnostic(CoreRules.QUERY_UNSUPPORTED,
          subject.fence(), "the model cannot evaluate this query: " + answer.text(), null)));
    };
  }

  /** Why a parsed model may answer no test case or query: files it lacks, or the checker's own reason. */
  private Optional<String> whyNothingCanBeAnswered(Checked<M> checked) {
    return checked.unread().map(u -> "the model lacks the settings of included files that opsbook could not read: " + u)
        .or(() -> whyTestsCannotRun(checked.model(), checked.diagnostics()));
  }

  /**
   * The model of a snippet together with its final diagnostics.
   *
   * @param unread the included files that could not be read ({@link Findings#markUnread}), or empty
   */
  protected record Checked<M>(M model, List<Diagnostic> diagnostics, Optional<String> unread) {}

  /**
   * Parses, runs the rules, drops whole-file findings of fragments and the rules the site turned
   * off, applies the site's severities and sorts: the whole of {@link #check}, keeping the model.
   * A model that lacks an included file's settings is treated as a fragment: a whole-file rule
   * would call a setting missing that may be in that file.
   */
  protected final Checked<M> checkModel(Snippet snippet, CheckContext context) {
    Findings findings = new Findings(snippet);
    M model = parse(snippet, context, findings);
    boolean partial = snippet.isFragment() || !findings.unread().isEmpty();
    if (model != null) {
      for (Rule<? super M> rule : modelRules()) {
        boolean skipped = partial && rule.info().wholeFile();
        if (!skipped && !rule.reports().stream().allMatch(context::isOff)) {
          rule.check(model, findings);
        }
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Findings.Finding f : findings.findings()) {
      RuleInfo rule = f.rule();
      if ((partial && rule.wholeFile()) || context.isOff(rule)) {
        continue;
      }
      Severity severity = context.severityOf(rule);
      out.add(severity == f.diagnostic().severity() ? f.diagnostic() : f.diagnostic().withSeverity(severity));
    }
    out.sort(null);
    Optional<String> unread = findings.unread().isEmpty()
        ? Optional.empty() : Optional.of(IncludedFiles.Unread.list(findings.unread()));
    return new Checked<>(model, List.copyOf(out), unread);
  }

  /**
   * Every rule a checker reports: those of its parser (and test or query syntax) first, then
   * those its model rules declare, in order and without repeats.
   */
  protected static List<RuleInfo> ruleInfos(List<RuleInfo> parserRules, List<? extends Rule<?>> rules) {
    Map<String, RuleInfo> all = new java.util.LinkedHashMap<>();
    parserRules.forEach(r -> all.putIfAbsent(r.id().value(), r));
    rules.forEach(rule -> rule.reports().forEach(r -> all.putIfAbsent(r.id().value(), r)));
    return List.copyOf(all.values());
  }

  private static Snippet queryBlock(SourceSpan where) {
    return new Snippet("test", "", where, 0, new java.util.TreeMap<>(), where);
  }
}
