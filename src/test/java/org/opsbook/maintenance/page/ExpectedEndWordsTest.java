package org.opsbook.maintenance.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectedEndWordsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "2026-11-23T19:00:00Z, should be back any moment now",
    "2026-11-23T20:00:45Z, should be back any moment now",
    "2026-11-23T20:03:00Z, back in about 5 minutes",
    "2026-11-23T20:22:00Z, back in about 20 minutes",
    "2026-11-23T20:58:00Z, back in about an hour",
    "2026-11-23T21:20:00Z, back in about an hour",
    "2026-11-23T22:00:00Z, back in about 2 hours",
    "2026-11-24T00:00:00+01:00, back in about 3 hours",
    "2026-11-25T08:00:00Z, back in about 36 hours",
    "2026-11-27T20:00:00Z, back in about 4 days",
  })
  void saysHowLongInRoundedWordsFromTheReferenceInstant(String end, String words) {
    assertEquals(words, ExpectedEndWords.relative(OffsetDateTime.parse(end), NOW));
  }

  @org.junit.jupiter.api.Test
  void statesTheAbsoluteTimeInUtc() {
    assertEquals("Tuesday 24 November 2026, 01:30 UTC",
        ExpectedEndWords.absolute(OffsetDateTime.parse("2026-11-24T02:30:00+01:00")));
  }
}
