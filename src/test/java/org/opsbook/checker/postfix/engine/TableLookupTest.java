package org.opsbook.checker.postfix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableKind;
import org.opsbook.checker.postfix.model.TableUse;
import org.opsbook.checker.postfix.syntax.PostfixTableParser;

/**
 * Lookups through whole tables: flags, translation, substitution, first match, if/endif. Every
 * case runs with the library Postfix calls (where it is installed) and with the translator, and
 * both must give Postfix's answer.
 */
class TableLookupTest {

  static Table parse(TableKind kind, String table, EngineChoice choice) {
    Findings findings = new Findings(Snippet.of("postfix-pcre", table, "t", Map.of()));
    return PostfixTableParser.parse(List.of(table.split("\n")), 1, kind, TableUse.LOOKUP, Engines.of(kind, choice),
        findings);
  }

  private static LookupResult result(TableKind kind, String table, String key, EngineChoice choice) {
    return TableLookup.lookup(parse(kind, table, choice), key.replace("\\n", "\n"), Engines.of(kind, choice));
  }

  /** The value found, or the outcome's old name, the same from every engine. */
  private static String lookup(TableKind kind, String table, String key) {
    String translated = name(result(kind, table, key, EngineChoice.TRANSLATOR));
    if (Engines.of(kind, EngineChoice.AUTO).main().isNative()) {
      assertEquals(translated, name(result(kind, table, key, EngineChoice.NATIVE)), "native and translator differ");
    }
    return translated;
  }

  private static String name(LookupResult r) {
    return switch (r.outcome()) {
      case FOUND -> r.value();
      case NOT_FOUND -> "NotFound";
      case NON_UTF8_VALUE -> "BadValue";
      case OVER_BUDGET -> "TooCostly";
      case UNSUPPORTED_RULE -> "Unknown";
    };
  }

  @ParameterizedTest(name = "pcre {0} on \"{1}\" gives {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/^subject: hi/ R | SUBJECT: HI | R",
        "/^subject: hi/i R | SUBJECT: HI | NotFound",
        "/^a.b/ R | a\\nb | R",
        "/^a.b/s R | a\\nb | NotFound",
        "/^a$/ R | a\\n | R",
        "/^a$/E R | a\\n | NotFound",
        "/^b$/ R | a\\nb | NotFound",
        "/^b$/m R | a\\nb | R",
        "/b/A R | ab | NotFound",
        "/\\Qa.b\\E/ R | axb | NotFound",
        "/\\Qa.b\\E/ R | a.b | R",
        "/a++a/ R | aaa | NotFound",
        "/(?>a+)a/ R | aaa | NotFound",
        "/^x\\h+y/ R | x \t y | R",
        "/^x\\Ry/ R | x\\ny | R",
        "/foo\\K(bar)/ [$1] | foobar | [bar]",
        "/(?<n>a)(?P<m>b)\\k<n>/ $1$2 | aba | ab",
        "/(?-i)ABC/ R | abc | NotFound",
        "/a b # c/x R | ab | R",
        "/(a+)/U [$1] | aaa | [a]",
        "/(a+?)/U [$1] | aaa | [aaa]",
        "/(a)?(b)?c/ [$1][$2] | bc | [][b]",
        "/(\\w+)/ ${1}x $(1)y $$1 | w | wx wy $1",
        "/[[:alpha:]]+[[:^alpha:]]/ R | ab1 | R",
        "/^[]a]+$/ R | ]a] | R",
        "/[a-z&&[^b]]/ R | & | NotFound",
        "/[a-z&&[^b]]/ R | &] | R",
        "/(\\w)\\1/ R | aA | R",
        "/^\\x41\\101/ R | AA | R",
        "/^(.)/ [$1] | é | BadValue",
        "/^(.+)/ [$1] | é | [é]",
        "/^é$/ R | é | R",
        "/^.$/ R | é | NotFound",
      })
  void pcreBehavesAsPostfix(String table, String key, String expected) {
    assertEquals(expected, lookup(TableKind.PCRE, table, key));
  }

  @ParameterizedTest(name = "regexp {0} on \"{1}\" gives {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/a\\db/ R | a1b | NotFound",
        "/a\\db/ R | adb | NotFound",
        "/a\\db/i R | adb | R",
        "/a[\\n]b/ R | a\\b | R",
        "/a$/ R | a\\n | NotFound",
        "/a$/m R | a\\n | R",
        "/a.b/ R | a\\nb | R",
        "/a.b/m R | a\\nb | NotFound",
        "/a**b/ R | aab | R",
        "/\\(a\\)b/x [$1] | ab | [a]",
        "/(a)b/x R | (a)b | R",
        "/\\<word\\>/ R | a word | R",
        "/\\<word\\>/ R | swordy | NotFound",
        "/^S/!/^S: no/ R | S: yes | R",
        "/^S/!/^S: no/ R | S: no | NotFound",
        "/^(.)\\1$/ R | aA | R",
        "/[[:upper:]]/ R | a | R",
        "/[[:upper:]]/i R | a | NotFound",
      })
  void regexpBehavesAsPostfix(String table, String key, String expected) {
    assertEquals(expected, lookup(TableKind.REGEXP, table, key));
  }

  @ParameterizedTest(name = "regexp alternation {0} on \"{1}\" gives {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "/(a|ab)(c|bcd)(d*)/ [$1][$2][$3] ; abcd ; [a][bcd][]",
        "/^(foo|foobar)(bar)?$/ [$1][$2] ; foobar ; [foo][bar]",
        "/^(a|ab)(c|bcd)/ [$1][$2] ; abcd ; [a][bcd]",
      })
  void regexpPrefersTheLongestMatch(String table, String key, String expected) {
    assertEquals(expected, lookup(TableKind.REGEXP, table, key));
  }

  @Test
  void firstMatchingRuleWins() {
    assertEquals("FIRST", lookup(TableKind.PCRE, "/^a/ FIRST\n/^ab/ SECOND", "abc"));
  }

  @Test
  void failedIfSkipsToItsEndif() {
    String table = "if /^X-/\n/Y/ INSIDE\nendif\n/Y/ OUTSIDE";
    assertEquals("OUTSIDE", lookup(TableKind.PCRE, table, "Y"));
    assertEquals("INSIDE", lookup(TableKind.PCRE, table, "X-Y"));
  }

  @Test
  void ifWithoutEndifEndsTheLookupWhenItFails() {
    String table = "/^A/ A\nif /^B/\n/^B/ B\n/^C/ C";
    assertEquals("NotFound", lookup(TableKind.REGEXP, table, "C"));
    assertEquals("A", lookup(TableKind.REGEXP, table, "A"));
  }

  @Test
  void skippedRulesDoNotMatch() {
    assertEquals("LATER", lookup(TableKind.PCRE, "/^(a/ BROKEN\n/^a/ LATER", "a"));
  }

  @Test
  void catastrophicBacktrackingIsBoundedAndReportedAtItsLine() {
    String key = "a".repeat(40);
    LookupResult r = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> result(TableKind.PCRE, "/^ok/ OK\n/^a*a*a*a*a*a*a*a*a*a*b/ BAD", key, EngineChoice.TRANSLATOR));
    assertEquals(LookupResult.Outcome.OVER_BUDGET, r.outcome());
    assertEquals(2, r.rule().line());
  }

  @Test
  void pcre2sMatchLimitIsLoggedAndTheLookupGoesOnAsInPostfix() {
    Assumptions.assumeTrue(Engines.of(TableKind.PCRE, EngineChoice.AUTO).main().isNative(), "libpcre2-8 is not here");
    // postmap: "pcre map T, line 1: match limit exceeded", then the next rule answers.
    String table = "/^W: (a+)+$/ CATASTROPHIC\n/^W:/ FELL THROUGH";
    LookupResult r = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> result(TableKind.PCRE, table, "W: " + "a".repeat(40) + "b", EngineChoice.NATIVE));
    assertEquals("FELL THROUGH", r.value());
    assertEquals(1, r.warnings().size());
    assertEquals("match limit exceeded", r.warnings().get(0).message());
    assertEquals(1, r.warnings().get(0).line());
  }
}
