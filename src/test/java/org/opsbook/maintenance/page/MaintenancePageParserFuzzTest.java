package org.opsbook.maintenance.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.opsbook.diag.Diagnostic;

class MaintenancePageParserFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void readsAnyMaintenancePageOrReportsItsErrorsAtItsLines(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    int lines = (int) text.chars().filter(c -> c == '\n').count() + 2;
    MaintenancePageParser.Result r = MaintenancePageParser.parse("upgrade", "content/maintenance/upgrade.md", text);
    for (Diagnostic d : r.diagnostics()) {
      assertEquals("content/maintenance/upgrade.md", d.where().file());
      assertTrue(d.where().line() <= lines, d.toString());
    }
    // A page is built only when nothing is wrong with it.
    assertTrue(r.page().isEmpty() || !r.hasErrors(), r.diagnostics().toString());
  }
}
