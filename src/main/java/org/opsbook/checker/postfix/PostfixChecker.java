package org.opsbook.checker.postfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.QueryResult;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.checker.postfix.engine.LookupResult;
import org.opsbook.checker.postfix.engine.TableLookup;
import org.opsbook.checker.postfix.model.Finding;
import org.opsbook.checker.postfix.model.HeaderTest;
import org.opsbook.checker.postfix.model.TableKind;
import org.opsbook.checker.postfix.model.TableUse;
import org.opsbook.checker.postfix.rules.ActionGrammarLint;
import org.opsbook.checker.postfix.rules.ActionWords;
import org.opsbook.checker.postfix.rules.IgnoreNeededHeaderLint;
import org.opsbook.checker.postfix.rules.NeverMatchingLint;
import org.opsbook.checker.postfix.rules.PostfixRules;
import org.opsbook.checker.postfix.rules.ShadowedRuleLint;
import org.opsbook.checker.postfix.rules.TableLint;
import org.opsbook.checker.postfix.syntax.PostfixHighlighter;
import org.opsbook.checker.postfix.syntax.PostfixTableParser;
import org.opsbook.checker.postfix.syntax.TestBlockParser;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/**
 * Checks Postfix {@code pcre:} and {@code regexp:} tables, used as lookup maps or as
 * header_checks/body_checks, runs their test blocks and answers {@code postmap -q} style queries.
 * Stateless and thread-safe.
 */
public final class PostfixChecker implements Checker {
  private record Language(TableKind kind, TableUse use) {}

  private static final Map<String, Language> LANGUAGES = languageTable();
  private static final List<String> LANGUAGE_NAMES = List.copyOf(LANGUAGES.keySet());
  private static final List<TableLint> LINTS =
      List.of(new ActionGrammarLint(), new NeverMatchingLint(), new ShadowedRuleLint(), new IgnoreNeededHeaderLint());

  private static Map<String, Language> languageTable() {
    Map<String, Language> m = new java.util.LinkedHashMap<>();
    m.put("postfix-pcre", new Language(TableKind.PCRE, TableUse.LOOKUP));
    m.put("postfix-regexp", new Language(TableKind.REGEXP, TableUse.LOOKUP));
    m.put("header_checks", new Language(TableKind.PCRE, TableUse.HEADER));
    m.put("postfix-header-checks", new Language(TableKind.PCRE, TableUse.HEADER));
    m.put("mime_header_checks", new Language(TableKind.PCRE, TableUse.HEADER));
    m.put("nested_header_checks", new Language(TableKind.PCRE, TableUse.HEADER));
    m.put("body_checks", new Language(TableKind.PCRE, TableUse.BODY));
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public String id() {
    return "postfix";
  }

  @Override
  public List<String> languages() {
    return LANGUAGE_NAMES;
  }

  @Override
  public List<RuleInfo> rules() {
    return PostfixRules.ALL;
  }

  @Override
  public List<Diagnostic> check(Snippet snippet, CheckContext context) {
    Language lang = language(snippet);
    PostfixTableParser.Output parsed = PostfixTableParser.parse(snippet.lines(), lang.kind());
    List<Finding> findings = new ArrayList<>(parsed.parsed().findings());
    for (TableLint lint : LINTS) {
      findings.addAll(lint.check(parsed.parsed().table(), lang.use()));
    }
    return toDiagnostics(findings, snippet);
  }

  @Override
  public TestReport runTests(Snippet subject, TestBlock testBlock, CheckContext context) {
    Snippet tests = testBlock.block();
    Language lang = language(subject);
    PostfixTableParser.Output parsed = PostfixTableParser.parse(subject.lines(), lang.kind());
    TestBlockParser.Output cases = TestBlockParser.parse(tests.lines());
    List<Diagnostic> diagnostics = new ArrayList<>(toDiagnostics(cases.findings(), tests));
    List<TestResult> results = new ArrayList<>();
    for (HeaderTest test : cases.cases()) {
      LookupResult r = TableLookup.lookup(parsed.compiled(), test.input());
      var where = tests.at(test.line(), 1);
      if (r instanceof LookupResult.TooCostly t) {
        diagnostics.add(tooCostly(subject, t));
        results.add(TestResult.fail(where, test.description(),
            "matching the rule at line " + subject.at(t.line(), t.column()).line()
                + " took too many steps, so the outcome is unknown"));
        continue;
      }
      if (r instanceof LookupResult.Unknown u) {
        results.add(TestResult.fail(where, test.description(),
            "the lookup reached the rule at line " + subject.at(u.rule().line(), 1).line()
                + ", which uses " + u.rule().why() + "; the outcome cannot be proven"));
        continue;
      }
      if (r instanceof LookupResult.BadValue b) {
        diagnostics.add(badValue(subject, b));
        results.add(TestResult.fail(where, test.description(),
            "the rule at line " + subject.at(b.rule().line(), 1).line()
                + " produced a result that is not valid UTF-8; Postfix reports a table lookup error"));
        continue;
      }
      String actual = r instanceof LookupResult.Found f ? f.value() : null;
      if (sameOutcome(test.expected(), actual, lang.use())) {
        results.add(TestResult.pass(where, test.description()));
      } else {
        String rule = r instanceof LookupResult.Found f
            ? " (rule at line " + subject.at(f.rule().line(), 1).line() + ")" : "";
        results.add(TestResult.fail(where, test.description(),
            "expected " + show(test.expected()) + ", got " + show(actual) + rule));
      }
    }
    return new TestReport(results, diagnostics);
  }

  @Override
  public QueryResult query(Snippet subject, String query, CheckContext context) {
    Language lang = language(subject);
    PostfixTableParser.Output parsed = PostfixTableParser.parse(subject.lines(), lang.kind());
    // postmap -q answers even when it warned about (and skipped) rules; so do we, passing the
    // problems on as warnings the way postmap prints them on stderr.
    List<Diagnostic> warnings = new ArrayList<>();
    for (Diagnostic d : toDiagnostics(parsed.parsed().findings(), subject)) {
      warnings.add(d.withSeverity(Severity.WARNING));
    }
    LookupResult r = TableLookup.lookup(parsed.compiled(), query);
    if (r instanceof LookupResult.TooCostly t) {
      warnings.add(tooCostly(subject, t));
      return new QueryResult("", false, warnings);
    }
    if (r instanceof LookupResult.BadValue b) {
      warnings.add(badValue(subject, b));
      return new QueryResult("", false, warnings);
    }
    if (r instanceof LookupResult.Unknown u) {
      warnings.add(new Diagnostic(subject.at(u.rule().line(), u.rule().column()),
          RuleId.of("postfix.unsupported-construct"), Severity.ERROR,
          "the lookup reached a rule that uses " + u.rule().why() + "; the model has no provable answer", null));
      return new QueryResult("", false, warnings);
    }
    if (r instanceof LookupResult.Found f) {
      return new QueryResult(f.value() + "\n", true, warnings);
    }
    return new QueryResult("", false, warnings);
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    Language lang = LANGUAGES.getOrDefault(language, LANGUAGES.get("postfix-pcre"));
    return PostfixHighlighter.highlight(text, lang.use().hasActions());
  }

  /**
   * The table type and use of a snippet: from its language, where {@code map=regexp} (or
   * {@code map=pcre}) picks the map type of a header_checks or body_checks table.
   */
  private static Language language(Snippet snippet) {
    Language lang = LANGUAGES.getOrDefault(snippet.language(), LANGUAGES.get("postfix-pcre"));
    String map = snippet.attribute("map").orElse("");
    if (map.equals("regexp")) {
      return new Language(TableKind.REGEXP, lang.use());
    }
    if (map.equals("pcre")) {
      return new Language(TableKind.PCRE, lang.use());
    }
    return lang;
  }

  private static boolean sameOutcome(String expected, String actual, TableUse use) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    if (!use.hasActions()) {
      return expected.equals(actual);
    }
    // Action names are case-insensitive (header_checks(5)); the text is compared exactly.
    return ActionWords.word(expected).equalsIgnoreCase(ActionWords.word(actual))
        && ActionWords.text(expected).equals(ActionWords.text(actual));
  }

  private static String show(String outcome) {
    return outcome == null ? "no match" : "\"" + outcome.replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }

  private static Diagnostic tooCostly(Snippet subject, LookupResult.TooCostly t) {
    RuleInfo info = PostfixRules.info("postfix.backtracking-limit");
    return new Diagnostic(subject.at(t.line(), t.column()), info.id(), Severity.ERROR,
        "matching this pattern took too many steps (catastrophic backtracking); the model stopped",
        "avoid nested quantifiers such as (a+)+, or make them possessive (a++) or atomic (?>...)");
  }

  private static Diagnostic badValue(Snippet subject, LookupResult.BadValue b) {
    var at = b.rule().resultMap();
    return new Diagnostic(subject.at(at.line(0), at.column(0)), RuleId.of("postfix.non-utf8-result"), Severity.ERROR,
        "this rule's result is not valid UTF-8 for that input (a group cut a multi-byte character);"
            + " Postfix reports a table lookup error",
        "capture whole characters, for example (.*) instead of (.)");
  }

  private static List<Diagnostic> toDiagnostics(List<Finding> findings, Snippet snippet) {
    java.util.TreeSet<Diagnostic> unique = new java.util.TreeSet<>();
    for (Finding f : findings) {
      unique.add(new Diagnostic(snippet.at(f.line(), f.column()), RuleId.of(f.rule()), f.severity(),
          f.message(), f.hint()));
    }
    return new ArrayList<>(unique);
  }

}
