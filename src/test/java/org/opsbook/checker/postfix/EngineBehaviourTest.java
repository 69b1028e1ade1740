package org.opsbook.checker.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.diag.Diagnostic;
import org.opsbook.snippet.TestBlockParser;

/**
 * What the engines change for authors: rules Postfix skips do not stop the others, every answer
 * names its engine, the native libraries answer what the translator refuses, and no pattern or
 * number makes the checker throw.
 */
class EngineBehaviourTest {
  private final PostfixChecker checker = new PostfixChecker();

  private static CheckContext engine(String name) {
    return CheckContext.of(Map.of("postfix.engine", name));
  }

  private TestReport run(String table, String tests, CheckContext context) {
    Snippet subject = Snippet.of("header_checks", table, "a.md", Map.of("id", "t"));
    return checker.runTests(subject, TestBlockParser.parse(Snippet.of("test", tests, "a.md", Map.of("for", "t"))).block(),
        context);
  }

  @ParameterizedTest
  @ValueSource(strings = {"auto", "translator"})
  void aRuleThatPostfixSkipsIsReportedAndTheOthersStillAnswer(String engine) {
    String table = "/^Subject: (unclosed/ REJECT\n/^X-A:/Q WARN\n/^X-B: (x)/ WARN $2\n/^Subject:/ INFO seen\n";
    List<String> rules = checker.check(Snippet.of("header_checks", table, "a.md", Map.of()), engine(engine)).stream()
        .map(d -> d.rule().value()).toList();
    assertEquals(List.of("postfix.bad-regex", "postfix.unknown-flag", "postfix.group-out-of-range"), rules);
    TestReport report = run(table, "Subject: hello => INFO seen\nX-A: a => no match\nX-B: x => no match\n",
        engine(engine));
    assertEquals(3, report.passedCount(), report.results().toString());
    QueryResult q = checker.query(Snippet.ofFile("header_checks", table, "t"), "Subject: hi", engine(engine));
    assertEquals("INFO seen\n", q.output());
    assertFalse(q.hasErrors(), "postmap answers with warnings: " + q.diagnostics());
  }

  @Test
  void everyQueryNamesTheEngineThatAnswered() {
    String table = "/^Subject: (.*)/ INFO $1\n";
    QueryResult translated = checker.query(Snippet.ofFile("postfix-pcre", table, "t"), "Subject: x",
        engine("translator"));
    assertTrue(engineLine(translated).contains("translator"), engineLine(translated));
    Assumptions.assumeTrue(NativeSupport.pcre2(), "libpcre2-8 is not installed here");
    QueryResult real = checker.query(Snippet.ofFile("postfix-pcre", table, "t"), "Subject: x", engine("auto"));
    assertTrue(engineLine(real).startsWith("answered by PCRE2 "), engineLine(real));
  }

  @Test
  void aFailingCaseNamesTheEngineInItsMessage() {
    TestReport report = run("/^Subject:/ INFO seen\n", "Subject: x => REJECT\n", engine("translator"));
    TestResult r = report.results().get(0);
    assertFalse(r.passed());
    assertTrue(r.message().contains("expected \"REJECT\", got \"INFO seen\""), r.message());
    assertTrue(r.message().contains("engine: the translator to java.util.regex"), r.message());
  }

  @Test
  void theNativeEngineAnswersWhatTheTranslatorRefuses() {
    Assumptions.assumeTrue(NativeSupport.pcre2(), "libpcre2-8 is not installed here");
    String table = "/^K: (?|(a)|(b))\\1/ INFO branch reset [$1]\n/^Z:/ INFO after\n";
    String tests = "K: bb => INFO branch reset [b]\nZ: z => INFO after\n";
    assertEquals(2, run(table, tests, engine("native")).passedCount());
    TestReport translated = run(table, tests, engine("translator"));
    assertEquals(0, translated.passedCount());
    assertTrue(translated.results().get(0).message().contains("cannot be proven"), translated.results().toString());
  }

  @Test
  void aRepeatedPosixGroupKeepsTheIterationGlibcKeeps() {
    Assumptions.assumeTrue(NativeSupport.glibc(), "glibc is not the C library here");
    Snippet table = Snippet.ofFile("postfix-regexp", "/^A: (a*)+$/ INFO [$1]\n", "t");
    assertEquals("INFO [aaa]\n", checker.query(table, "A: aaa", engine("native")).output());
  }

  @ParameterizedTest
  @ValueSource(strings = {"auto", "translator"})
  void aCarriageReturnFromTheKeyComesOutAsItIs(String engine) {
    QueryResult q = checker.query(Snippet.ofFile("postfix-pcre", "/^A: (.*)$/ INFO [$1]\n", "t"), "A: x\ry\r",
        engine(engine));
    assertEquals("INFO [x\ry\r]\n", q.output());
  }

  @ParameterizedTest
  @ValueSource(strings = {"auto", "translator"})
  void hugeNumbersInPatternsAreDiagnosticsNeverExceptions(String engine) {
    String table = String.join("\n", "/^x$/ ok", "/\\g{99999999999}/ A", "/(a)\\g{-99999999999}/ B",
        "/\\g+99999999999/ C", "/a{99999999999}/ D", "/\\99999999999/ E", "/\\x{99999999999}/ F",
        "/(?99999999999)/ G", "/(?C99999999999)/ H", "/(a)/ $99999999999", "/a{1,99999999999}/ I",
        "/[a-\\x{99999999999}]/ J", "");
    for (String language : List.of("postfix-pcre", "postfix-regexp")) {
      Snippet s = Snippet.ofFile(language, table, "t");
      List<Diagnostic> found = checker.check(s, engine(engine));
      assertFalse(found.isEmpty(), language);
      assertEquals("ok\n", checker.query(s, "x", engine(engine)).output(), language);
      checker.query(s, "a".repeat(40), engine(engine)); // passes every rule; answers or says why not
    }
  }

  @Test
  void pcre2sMatchLimitIsAWarningAndThePostfixAnswer() {
    Assumptions.assumeTrue(NativeSupport.pcre2(), "libpcre2-8 is not installed here");
    Snippet table = Snippet.ofFile("postfix-pcre", "/(*LIMIT_MATCH=50)^R: (a+)+$/ BAD\n/^R:/ FELL\n", "t");
    QueryResult q = checker.query(table, "R: " + "a".repeat(30) + "b", engine("native"));
    assertEquals("FELL\n", q.output());
    assertTrue(q.diagnostics().stream().anyMatch(d -> d.rule().value().equals("postfix.backtracking-limit")
        && d.where().line() == 1 && d.message().startsWith("match limit exceeded")), q.diagnostics().toString());
  }

  private static String engineLine(QueryResult q) {
    return q.diagnostics().stream().filter(d -> d.rule().value().equals("postfix.engine")).findFirst()
        .map(Diagnostic::message).orElse("(none)");
  }
}
