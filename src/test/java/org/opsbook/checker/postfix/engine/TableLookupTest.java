package org.opsbook.checker.postfix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbook.checker.postfix.model.TableKind;
import org.opsbook.checker.postfix.syntax.PostfixTableParser;

/** Lookups through whole tables: flags, translation, substitution, first match, if/endif. */
class TableLookupTest {

  private static String lookup(TableKind kind, String table, String key) {
    PostfixTableParser.Output out = PostfixTableParser.parse(List.of(table.split("\n")), kind);
    LookupResult r = TableLookup.lookup(out.compiled(), key.replace("\\n", "\n"));
    return r instanceof LookupResult.Found f ? f.value() : r.getClass().getSimpleName();
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
    LookupResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      PostfixTableParser.Output out =
          PostfixTableParser.parse(List.of("/^ok/ OK", "/^a*a*a*a*a*a*a*a*a*a*b/ BAD"), TableKind.PCRE);
      return TableLookup.lookup(out.compiled(), key);
    });
    LookupResult.TooCostly t = assertInstanceOf(LookupResult.TooCostly.class, r);
    assertEquals(2, t.line());
  }
}
