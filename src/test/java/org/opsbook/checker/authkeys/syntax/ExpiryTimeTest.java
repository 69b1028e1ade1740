package org.opsbook.checker.authkeys.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each case as OpenSSH 9.2's ssh-keygen -V read it (see SshKeygenOracleTest, which asks it every time). */
class ExpiryTimeTest {
  @Test
  void readsDatesAndTimesWithOrWithoutAUtcSuffix() {
    assertEquals(Optional.of(LocalDateTime.of(2026, 1, 1, 0, 0)), ExpiryTime.read("20260101"));
    assertEquals(Optional.of(LocalDateTime.of(2026, 4, 30, 23, 59)), ExpiryTime.read("202604302359"));
    assertEquals(Optional.of(LocalDateTime.of(2026, 4, 30, 23, 59, 58)), ExpiryTime.read("20260430235958Z"));
    assertEquals(Optional.of(LocalDateTime.of(2026, 1, 1, 0, 0)), ExpiryTime.read("20260101z"));
    assertEquals(Optional.of(LocalDateTime.of(2026, 1, 1, 0, 0)), ExpiryTime.read("20260101UTC"));
  }

  @Test
  void rollsOverAsMktimeDoes() {
    assertEquals(Optional.of(LocalDateTime.of(2026, 5, 1, 0, 0)), ExpiryTime.read("20260431"));
    assertEquals(Optional.of(LocalDateTime.of(2026, 3, 1, 0, 0)), ExpiryTime.read("20260229"));
    assertEquals(Optional.of(LocalDateTime.of(2026, 5, 1, 0, 0, 1)), ExpiryTime.read("20260430235961"));
  }

  @Test
  void letsAFieldStartWithBlanksAsStrptimeDoes() {
    assertEquals(Optional.of(LocalDateTime.of(2026, 1, 1, 0, 0)), ExpiryTime.read("2026 101"));
  }

  @Test
  void theEpochIsReadButSshdRefusesItForAnExpiry() {
    assertEquals(Optional.of(ExpiryTime.EPOCH), ExpiryTime.read("19700101"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"69947558000000", "20261301", "20260100", "20260132", "202601012400", "202601010060",
      "20260430235962", "19691231", "00000101", "2026043123", "2026010 ", "20260101 Z", "2026-1-1", "Z", "UTC",
      "20260101ZZ", "", "2026"})
  void refusesWhatStrptimeOrMktimeRefuses(String value) {
    assertEquals(Optional.empty(), ExpiryTime.read(value));
  }
}
