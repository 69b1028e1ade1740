package org.opsbook.checker.postfix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.opsbook.checker.postfix.model.TableKind;

/**
 * Escapes in a character class as PCRE2 reads them, at either end of a range. NativeEnginesFuzzTest
 * compares the translator with libpcre2 wherever the library is installed.
 */
class PcreClassTranslatorTest {
  @Test
  void aDigitEscapeIsOctalAtTheHighEndOfARangeToo() {
    // [\x01-\4] is U+0001 to U+0004: a space (U+0020) is outside it.
    assertEquals("no match", matches("[\u0001-\\4][[:graph:]]", "Subject: hello"));
    assertEquals("match", matches("[\u0001-\\4]", "a\u0003b"));
    assertEquals("match", matches("[\\1-\\41]", "a!b"));
    assertEquals("no match", matches("[\\1-\\41]", "a\"b"));
  }

  @Test
  void eightAndNineStandForThemselves() {
    assertEquals("match", matches("[0-\\9]", "9"));
    assertEquals("match", matches("[\\8-9]", "8"));
    assertEquals("no match", matches("[\\8-9]", "7"));
  }

  @Test
  void letterEscapesMeanTheSameAtEitherEnd() {
    assertEquals("match", matches("[\\t-\\r]", "\u000b"));
    assertEquals("match", matches("[\\x41-\\x43]", "B"));
    assertEquals("no match", matches("[\\x41-\\x43]", "D"));
  }

  private static String matches(String pattern, String subject) {
    Compilation c = new TranslatorEngine(TableKind.PCRE, "").compile(TranslatorFuzzTest.spec(pattern, ""),
        PatternUse.match(1));
    try (CompiledPattern p = assertInstanceOf(Compilation.Compiled.class, c, pattern).pattern()) {
      return p.match(Bytes.key(subject)) instanceof MatchOutcome.Matched ? "match" : "no match";
    }
  }
}
