package org.opsbook.checker.vcl.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Pcre2PatternTest {
  private static boolean matches(String pattern, String subject) {
    Pcre2Pattern.Compiled c = Pcre2Pattern.compile(pattern);
    assertTrue(c.usable(), () -> pattern + ": " + c.error() + c.unsupported());
    return Pcre2Pattern.find(c, subject).found();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "(x|missing closing parenthesis",
      "x)|unmatched closing parenthesis",
      "*.example.com|quantifier does not follow a repeatable item",
      "a{2}{3}|quantifier does not follow a repeatable item",
      "[a|missing terminating ] for character class",
      "[z-a]|range out of order in character class",
      "[\\d-z]|invalid range in character class",
      "a{3,2}|numbers out of order in {} quantifier",
      "(?<=a+)b|lookbehind assertion is not fixed length",
      "[:alpha:]|POSIX named classes are supported only within a class",
      "[[:word2:]]|unknown POSIX class name",
      "\\i|unrecognized character follows \\",
      "\\u0041|PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u",
      "\\x{100}|character code point value in \\x{} or \\o{} is too large",
      "(a)\\2|reference to non-existent subpattern",
      "(?z)|unrecognized character after (? or (?-"})
  void refusesWhatPcre2RefusesWithItsMessage(String pattern, String message) {
    assertEquals(message, Pcre2Pattern.compile(pattern).error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a{,5}", "(?<=a|bc)x", "[]a]", "a\\E*", "\\Qa.b\\E+", "(?x) a b # c", "(?i:x)y"})
  void acceptsWhatPcre2Accepts(String pattern) {
    assertNull(Pcre2Pattern.compile(pattern).error(), pattern);
  }

  @Test
  void matchesBytesNotCharacters() {
    assertTrue(matches("^.{2}$", "é"), "é is two bytes in UTF-8");
    assertFalse(matches("^\\w+$", "café"), "\\w is ASCII only without UCP");
    assertTrue(matches("(?i)CAFÉ", "cafÉ"));
    assertFalse(matches("(?i)CAFÉ", "café"), "only ASCII letters fold");
  }

  @Test
  void aWordBoundaryIsOneBetweenAsciiWordBytes() {
    assertTrue(matches("\\bé", "aé"), "é is not a word byte, so there is a boundary before it");
    assertTrue(matches("x\\b", "x-"));
  }

  @Test
  void dollarMatchesBeforeAFinalNewlineAndDotStopsAtNewlinesOnly() {
    assertTrue(matches("a$", "a\n"));
    assertFalse(matches("a.b", "a\nb"));
    assertTrue(matches("^a.\\x85b$", "a\u0085b"), "NEL is the bytes C2 85 in UTF-8, and 0x85 is no newline for PCRE2");
  }

  @Test
  void quantifiersAfterQuotedTextRepeatItsLastCharacter() {
    assertTrue(matches("^\\Qab\\E+$", "abbb"));
    assertFalse(matches("^\\Qab\\E+$", "abab"));
  }

  @Test
  void constructsItDoesNotReproduceAreLeftUnjudged() {
    Pcre2Pattern.Compiled c = Pcre2Pattern.compile("(\\((?1)*\\))");
    assertNull(c.error());
    assertNotNull(c.unsupported());
    assertFalse(c.usable());
  }

  @Test
  void aRunawayMatchStopsAtTheStepBudget() {
    Pcre2Pattern.Compiled c = Pcre2Pattern.compile("^(.*a){12}$");
    assertTrue(Pcre2Pattern.find(c, "a".repeat(40) + "b").tooComplex());
  }
}
