package org.opsbook.checker.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpensshVersionTest {

  @Test
  void readsTheThreeWaysReleasesAreWritten() {
    assertEquals(Optional.of(OpensshVersion.of(9, 2)), OpensshVersion.parse("9.2"));
    assertEquals(Optional.of(OpensshVersion.of(9, 6)), OpensshVersion.parse("9.6p1"));
    assertEquals(Optional.of(OpensshVersion.of(9, 2)), OpensshVersion.parse("OpenSSH_9.2p1"));
    assertEquals(Optional.empty(), OpensshVersion.parse("latest"));
    assertEquals(Optional.empty(), OpensshVersion.parse("9"));
  }

  @Test
  void comparesNumerically() {
    assertTrue(OpensshVersion.of(9, 9).isBefore(OpensshVersion.of(9, 10)));
    assertTrue(OpensshVersion.of(10, 0).atLeast(OpensshVersion.of(9, 9)));
  }

  @Test
  void theOptionValidatorSaysWhatIsWrong() {
    assertTrue(OpensshVersion.problem("9.2", OpensshVersion.of(8, 0)).isEmpty());
    assertTrue(OpensshVersion.problem("nine", OpensshVersion.of(8, 0)).orElseThrow().contains("not an OpenSSH release"));
    assertTrue(OpensshVersion.problem("7.4", OpensshVersion.of(8, 0)).orElseThrow().contains("older than 8.0"));
  }
}
