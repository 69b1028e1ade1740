package org.opsbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExitPolicyTest {

  @Test
  void errorsFailByDefault() {
    ExitPolicy.Verdict v = ExitPolicy.DEFAULT.judge(ReportFixtures.mixed());
    assertTrue(v.fails());
    assertEquals(Optional.of("failed: errors or failed tests"), v.reason());
  }

  @Test
  void warningsPassByDefaultAndFailWithWerror() {
    Report report = ReportFixtures.warningsOnly(2);
    assertFalse(ExitPolicy.DEFAULT.judge(report).fails());
    assertTrue(new ExitPolicy(true, -1, false).judge(report).fails());
  }

  @Test
  void maxWarningsFailsOnlyPastTheBudget() {
    assertFalse(new ExitPolicy(false, 3, false).judge(ReportFixtures.warningsOnly(3)).fails());
    ExitPolicy.Verdict over = new ExitPolicy(false, 3, false).judge(ReportFixtures.warningsOnly(4));
    assertTrue(over.fails());
    assertEquals(Optional.of("failed: 4 warnings exceed --max-warnings 3"), over.reason());
    assertTrue(new ExitPolicy(false, 0, false).judge(ReportFixtures.warningsOnly(1)).fails());
  }

  @Test
  void reportOnlyNeverFailsButSaysWhatWouldHave() {
    ExitPolicy.Verdict v = new ExitPolicy(true, 0, true).judge(ReportFixtures.mixed());
    assertFalse(v.fails());
    assertEquals(Optional.of("would fail (errors or failed tests), but --report-only is set"), v.reason());
  }

  @Test
  void cleanRunPassesEvenWithWerror() {
    ExitPolicy.Verdict v = new ExitPolicy(true, 0, false).judge(ReportFixtures.clean());
    assertFalse(v.fails());
    assertEquals(Optional.empty(), v.reason());
  }
}
