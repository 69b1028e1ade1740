package org.opsbook.checker.postfix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opsbook.check.Answer;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerOption;
import org.opsbook.check.Comparison;
import org.opsbook.check.Findings;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.ModelChecker;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestCase;
import org.opsbook.checker.postfix.engine.EngineChoice;
import org.opsbook.checker.postfix.engine.Engines;
import org.opsbook.checker.postfix.engine.LookupResult;
import org.opsbook.checker.postfix.engine.TableLookup;
import org.opsbook.checker.postfix.model.MatchRule;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableKind;
import org.opsbook.checker.postfix.model.TableUse;
import org.opsbook.checker.postfix.rules.ActionGrammarLint;
import org.opsbook.checker.postfix.rules.ActionWords;
import org.opsbook.checker.postfix.rules.IgnoreNeededHeaderLint;
import org.opsbook.checker.postfix.rules.NeverMatchingLint;
import org.opsbook.checker.postfix.rules.PostfixRules;
import org.opsbook.checker.postfix.rules.ShadowedRuleLint;
import org.opsbook.checker.postfix.syntax.PostfixHighlighter;
import org.opsbook.checker.postfix.syntax.PostfixTableParser;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * Checks Postfix {@code pcre:} and {@code regexp:} tables, used as lookup maps or as
 * header_checks/body_checks, runs their test blocks and answers {@code postmap -q} style queries.
 * A test case asks with a header as it comes on the wire (continuation lines indented) and expects
 * the result, or {@code no match}. Stateless and thread-safe.
 */
public final class PostfixChecker extends ModelChecker<Table> {
  private record Language(TableKind kind, TableUse use) {}

  private static final Map<String, Language> LANGUAGES = languageTable();
  private static final List<String> LANGUAGE_NAMES = List.copyOf(LANGUAGES.keySet());
  private static final List<Rule<Table>> RULES =
      List.of(new ActionGrammarLint(), new NeverMatchingLint(), new ShadowedRuleLint(), new IgnoreNeededHeaderLint());
  private static final String NO_MATCH = "no match";

  private static final List<CheckerOption> OPTIONS = List.of(CheckerOption.choice("engine", EngineChoice.DEFAULT,
      "the regex engine that answers: native (libpcre2-8 and glibc, as Postfix), translator (java.util.regex),"
          + " or auto (native where installed)",
      EngineChoice.names()));

  private static Map<String, Language> languageTable() {
    Map<String, Language> m = new LinkedHashMap<>();
    m.put("postfix-pcre", new Language(TableKind.PCRE, TableUse.LOOKUP));
    m.put("postfix-regexp", new Language(TableKind.REGEXP, TableUse.LOOKUP));
    m.put("header_checks", new Language(TableKind.PCRE, TableUse.HEADER));
    m.put("postfix-header-checks", new Language(TableKind.PCRE, TableUse.HEADER));
    m.put("mime_header_checks", new Language(TableKind.PCRE, TableUse.HEADER));
    m.put("nested_header_checks", new Language(TableKind.PCRE, TableUse.HEADER));
    m.put("body_checks", new Language(TableKind.PCRE, TableUse.BODY));
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String id() {
    return "postfix";
  }

  @Override
  public String reference() {
    return "Postfix 3.7";
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
  public List<CheckerOption> options() {
    return OPTIONS;
  }

  @Override
  protected List<Rule<Table>> modelRules() {
    return RULES;
  }

  @Override
  protected Table parse(Snippet snippet, CheckContext context, Findings findings) {
    Language lang = language(snippet);
    Engines engines = engines(lang.kind(), context);
    Optional<String> missing = engines.unavailable();
    if (missing.isPresent()) {
      findings.reportSnippet(PostfixRules.ENGINE_UNAVAILABLE, "postfix.engine is native, but " + missing.get()
          + ", so this " + lang.kind().mapType() + ": table cannot be checked",
          "install libpcre2-8 (Debian: libpcre2-8-0), or set checkers.postfix.engine to auto");
      return null;
    }
    return PostfixTableParser.parse(snippet.lines(), snippet.origin().line(), lang.kind(), lang.use(), engines,
        findings);
  }

  @Override
  protected boolean hasExecutableModel() {
    return true;
  }

  /**
   * Postfix opens a table it warned about and looks keys up with the rules it kept; so do the test
   * cases. The warnings themselves are the check's findings.
   */
  @Override
  protected Optional<String> whyTestsCannotRun(Table model, List<Diagnostic> diagnostics) {
    return Optional.empty();
  }

  @Override
  protected Answer answer(Table table, TestCase testCase, TestBlock block, CheckContext context) {
    LookupResult r = TableLookup.lookup(table, testCase.question(), engines(table.kind(), context));
    String trace = trace(table, r);
    return switch (r.outcome()) {
      case FOUND -> Answer.of(r.value(), trace);
      case NOT_FOUND -> Answer.of(NO_MATCH, trace);
      case NON_UTF8_VALUE -> Answer.of("lookup error", trace);
      case UNSUPPORTED_RULE -> Answer.cannotEvaluate("the lookup reached the rule at line "
          + table.fileLine(r.rule().line()) + ", which uses " + r.why() + "; the outcome cannot be proven ("
          + String.join(", ", r.engines()) + ")");
      case OVER_BUDGET -> Answer.cannotEvaluate("matching the rule at line " + table.fileLine(r.rule().line())
          + " stopped: " + r.why() + ", so the outcome is unknown (" + String.join(", ", r.engines()) + ")");
    };
  }

  /**
   * Results compare as header_checks(5) reads them: the action word in any case, its text
   * exactly; plain lookup results exactly; {@code no match} only with a lookup that found nothing.
   */
  @Override
  protected Comparison compare(TestCase testCase, Answer answer) {
    String expected = testCase.expected();
    TraceHead head = TraceHead.of(answer.trace());
    boolean expectNone = expected.strip().toLowerCase(Locale.ROOT).equals(NO_MATCH);
    boolean same = switch (head.outcome()) {
      case FOUND -> !expectNone && sameResult(expected, answer.text(), head.use());
      case NOT_FOUND -> expectNone;
      default -> false;
    };
    if (same) {
      return Comparison.agree();
    }
    String got = switch (head.outcome()) {
      case FOUND -> show(answer.text());
      case NOT_FOUND -> NO_MATCH;
      default -> "a table lookup error";
    };
    return Comparison.differ("expected " + (expectNone ? NO_MATCH : show(expected)) + ", got " + got);
  }

  /**
   * The first line of an answer's trace, which says what the lookup came to and how the table's
   * results are read, so that {@link #compare} knows what {@link #answer} knew.
   */
  private record TraceHead(LookupResult.Outcome outcome, TableUse use) {
    private static final String FORMAT = "%s (%s table)";

    String render() {
      return String.format(Locale.ROOT, FORMAT, word(outcome), use.name().toLowerCase(Locale.ROOT));
    }

    static TraceHead of(String trace) {
      String first = trace.lines().findFirst().orElse("");
      for (LookupResult.Outcome o : LookupResult.Outcome.values()) {
        for (TableUse u : TableUse.values()) {
          if (first.startsWith(new TraceHead(o, u).render())) {
            return new TraceHead(o, u);
          }
        }
      }
      return new TraceHead(LookupResult.Outcome.UNSUPPORTED_RULE, TableUse.LOOKUP);
    }

    private static String word(LookupResult.Outcome o) {
      return switch (o) {
        case FOUND -> "matched";
        case NOT_FOUND -> NO_MATCH;
        case NON_UTF8_VALUE -> "lookup error";
        default -> "no answer";
      };
    }
  }

  /**
   * Answers like {@code postmap -q KEY TABLE}: the result on standard output, not found when no
   * rule matches. Postfix opens a table it warned about and uses the rules it kept, so the table
   * reader's problems come as warnings, as postmap prints them on standard error; an INFO line names
   * the engine that answered.
   */
  @Override
  public QueryResult query(Snippet subject, String key, CheckContext context) {
    Checked<Table> checked = checkModel(subject, context);
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : checked.diagnostics()) {
      if (PostfixRules.READER.stream().anyMatch(r -> r.id().equals(d.rule()))) {
        out.add(d.isError() && checked.model() != null ? d.withSeverity(Severity.WARNING) : d);
      }
    }
    Table table = checked.model();
    if (table == null) {
      return new QueryResult("", false, out);
    }
    LookupResult r = TableLookup.lookup(table, key, engines(table.kind(), context));
    out.add(diagnostic(subject, PostfixRules.ENGINE, 1, 1, "answered by " + String.join(", ", r.engines()), null));
    for (LookupResult.Warning w : r.warnings()) {
      out.add(diagnostic(subject, PostfixRules.BACKTRACKING_LIMIT, w.line(), w.pattern().column(),
          w.message() + ": Postfix logs this and reads the rule as not matching, and the lookup goes on", null)
          .withSeverity(Severity.WARNING));
    }
    switch (r.outcome()) {
      case FOUND -> {
        return new QueryResult(r.value() + "\n", true, out);
      }
      case NON_UTF8_VALUE -> {
        MatchRule m = (MatchRule) r.rule();
        out.add(diagnostic(subject, PostfixRules.NON_UTF8_RESULT, m.resultMap().line(0), m.resultMap().column(0),
            "this rule's result is not valid UTF-8 for that key (a group cut a multi-byte character);"
                + " Postfix reports a table lookup error",
            "capture whole characters, for example (.*) instead of (.)"));
      }
      case UNSUPPORTED_RULE -> out.add(diagnostic(subject, PostfixRules.UNSUPPORTED_CONSTRUCT, r.rule().line(), 1,
          "the lookup reached a rule that uses " + r.why() + "; the model has no provable answer", null));
      case OVER_BUDGET -> out.add(diagnostic(subject, PostfixRules.BACKTRACKING_LIMIT, r.pattern().line(),
          r.pattern().column(), "matching this pattern stopped: " + r.why() + "; the model has no provable answer",
          "avoid nested quantifiers such as (a+)+, or make them possessive (a++) or atomic (?>...)"));
      case NOT_FOUND -> {
        // postmap prints nothing and exits 1
      }
    }
    return new QueryResult("", false, out);
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    Language lang = LANGUAGES.getOrDefault(language, LANGUAGES.get("postfix-pcre"));
    return PostfixHighlighter.highlight(text, lang.use().hasActions());
  }

  /**
   * What a lookup came to, for test failures: a first line (see {@link TraceHead}) with the rule
   * that decided, then the engines, then the match errors Postfix would have logged on the way.
   */
  private static String trace(Table table, LookupResult r) {
    StringBuilder out = new StringBuilder(new TraceHead(r.outcome(), table.use()).render()).append(": ");
    switch (r.outcome()) {
      case FOUND -> out.append("the rule at line ").append(table.fileLine(r.rule().line())).append(" decides");
      case NON_UTF8_VALUE -> out.append("the rule at line ").append(table.fileLine(r.rule().line()))
          .append(" gives a result that is not valid UTF-8 (a group cut a multi-byte character), which Postfix"
              + " refuses");
      default -> out.append("no rule matched");
    }
    out.append("\nengine: ").append(String.join(", ", r.engines()));
    for (LookupResult.Warning w : r.warnings()) {
      out.append("\nline ").append(table.fileLine(w.line())).append(": ").append(w.message())
          .append(" (Postfix logs this and reads the rule as not matching)");
    }
    return out.toString();
  }

  private static boolean sameResult(String expected, String actual, TableUse use) {
    if (!use.hasActions()) {
      return expected.equals(actual);
    }
    // Action names are case-insensitive (header_checks(5)); the text is compared exactly.
    return ActionWords.word(expected).equalsIgnoreCase(ActionWords.word(actual))
        && ActionWords.text(expected).equals(ActionWords.text(actual));
  }

  private static String show(String outcome) {
    return "\"" + outcome.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + "\"";
  }

  private static Diagnostic diagnostic(Snippet subject, RuleInfo rule, int line, int column, String message,
      String hint) {
    return new Diagnostic(subject.at(Math.max(1, line), Math.max(1, column)), rule.id(), rule.severity(), message, hint);
  }

  private static Engines engines(TableKind kind, CheckContext context) {
    return Engines.of(kind, EngineChoice.of(context.option("postfix.engine").orElse(EngineChoice.DEFAULT)));
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
}
